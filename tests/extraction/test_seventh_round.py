"""Rules from the seventh round of texts written to probe extraction (texts written for these
tests): full stops that end a sentence after a short word, ..."""

from __future__ import annotations

from accord.extraction.pipeline import extract


def test_a_full_stop_after_a_short_word_ends_the_sentence_not_an_abbreviation() -> None:
    text = (
        "Patrol boats crossed the Sulu Sea. Then the ministers of the Council of the EU. "
        "Moldova's envoy met Gen. Ivan Rusu and Yu. V. Petrov in Chisinau."
    )
    found = extract(text)
    assert {loc.name for loc in found.locations} >= {"Sulu Sea", "Chisinau"}
    sea = next(loc for loc in found.locations if loc.name == "Sulu Sea")
    assert [text[a:b] for a, b in sea.spans] == ["Sulu Sea"]
    assert "Council of the EU" in {o.name for o in found.organisations} | {
        a for o in found.organisations for a in o.aliases
    }
    names = {p.name for p in found.persons}
    assert "Ivan Rusu" in names
    assert any(n.endswith("Petrov") and n.startswith("Yu.") for n in names)


def test_filipino_particles_stay_in_the_name_and_a_surname_with_one_refers_back() -> None:
    found = extract(
        "Interior Secretary Juan Carlos dela Rosa met Senator Maria delos Santos in Manila. "
        "Dela Rosa said the talks had gone well."
    )
    names = {p.name: p for p in found.persons}
    assert set(names) == {"Juan Carlos dela Rosa", "Maria delos Santos"}
    assert len(names["Juan Carlos dela Rosa"].spans) == 2


def test_a_malay_honorific_of_two_words_is_no_name_and_the_own_name_refers_back() -> None:
    found = extract(
        "Malaysia's Inspector-General of Police, Tan Sri Mohd Azlan bin Hashim, met reporters "
        "in Kota Kinabalu. Mohd Azlan said four kidnappings had been foiled. Later, Azlan "
        "thanked Puan Sri Siti Aminah binti Yusof for her work."
    )
    names = {p.name: p for p in found.persons}
    assert set(names) == {"Mohd Azlan bin Hashim", "Siti Aminah binti Yusof"}
    assert names["Mohd Azlan bin Hashim"].roles == ("Inspector-General of Police",)
    assert names["Mohd Azlan bin Hashim"].country == "MY"
    assert len(names["Mohd Azlan bin Hashim"].spans) == 3


def test_titles_and_portfolios_are_no_bodies_and_a_place_in_a_bodys_name_stays() -> None:
    found = extract(
        "The Inspector-General of Police met the Secretary of the Interior and Local "
        "Government, who heads the Department of the Interior and Local Government, and the "
        "commander of the Eastern Sabah Security Command."
    )
    assert {o.name for o in found.organisations} == {
        "Department of the Interior and Local Government",
        "Eastern Sabah Security Command",
    }


def test_a_run_inside_a_compound_surname_refers_to_the_full_name() -> None:
    found = extract(
        "Colombia's Vice-Minister of Defence for Citizen Security, Juan Esteban del Pino "
        "Arrieta, received Ecuador's Minister of Government, Mónica Sáenz de Viteri Larrea, "
        "and Bolivia's Vice-Minister of Social Defence, Óscar Villca de la Barra, at the "
        'Inter-American Drug Abuse Control Commission. "We will close every river route '
        'this year," Del Pino said. Sáenz de Viteri added that joint patrols would begin. '
        "Villca said the cartels were adapting fast."
    )
    names = {p.name: p for p in found.persons}
    assert set(names) == {
        "Juan Esteban del Pino Arrieta",
        "Mónica Sáenz de Viteri Larrea",
        "Óscar Villca de la Barra",
    }
    assert all(len(person.spans) == 2 for person in names.values())
    assert names["Juan Esteban del Pino Arrieta"].roles == (
        "Vice-Minister of Defence for Citizen Security",
    )
    assert [q.speaker for q in found.quotes] == ["Juan Esteban del Pino Arrieta"]
    # "Inter-American" names a hemisphere, not the United States
    assert {c.code for c in found.countries} == {"CO", "EC", "BO"}


def test_represented_by_reaches_past_a_long_title_and_stops_at_the_next_clause() -> None:
    found = extract(
        "Moldova was represented by the Secretary of the Supreme Security Council of the "
        "Republic, Ion Munteanu, and Romania by the Deputy Interior Minister Dan Popescu. "
        "Serbia was represented by Milan Jovanović, and the talks were chaired by Petar Ilić."
    )
    countries = {p.name: p.country for p in found.persons}
    assert countries == {
        "Ion Munteanu": "MD",
        "Dan Popescu": "RO",
        "Milan Jovanović": "RS",
        "Petar Ilić": None,
    }


def test_a_possessive_before_a_name_is_no_part_of_it_and_gives_the_country() -> None:
    found = extract(
        "Yesterday Finland's Aino-Kaisa Hyvärinen met Chile's María Pérez in Lima. "
        "Hyvärinen's visit was short."
    )
    people = {p.name: p for p in found.persons}
    assert set(people) == {"Aino-Kaisa Hyvärinen", "María Pérez"}
    assert people["Aino-Kaisa Hyvärinen"].country == "FI"
    assert people["María Pérez"].country == "CL"
    assert len(people["Aino-Kaisa Hyvärinen"].spans) == 2
    assert {loc.name for loc in found.locations} == {"Lima"}


def test_places_with_a_kind_word_or_an_arabic_article_are_no_persons() -> None:
    found = extract(
        "Troops from Niger and Cameroon patrol the Lake Chad Basin. Talks were held in "
        "Al Ain with Undersecretary Ma. Theresa Dizon-Lacson."
    )
    assert [(p.name, p.roles) for p in found.persons] == [
        ("Ma. Theresa Dizon-Lacson", ("Undersecretary",))
    ]
    assert "Lake Chad Basin" in {loc.name for loc in found.locations}
    assert "Ain" not in {loc.name for loc in found.locations}  # no French department


def test_a_known_body_whose_name_holds_a_comma_is_read_whole() -> None:
    found = extract(
        "Britain's Foreign, Commonwealth and Development Office and the Chief of the Office "
        "for Security Policy of the Federal Department of Defence, Civil Protection and Sport "
        "signed the statement."
    )
    assert {o.name for o in found.organisations} == {
        "Foreign, Commonwealth and Development Office",
        "Office for Security Policy",
        "Federal Department of Defence, Civil Protection and Sport",
    }


def test_elided_articles_and_romance_connectors_stay_in_a_name() -> None:
    found = extract(
        "Siaka Ouattara, Secretary-General of the National Security Council of Côte d'Ivoire, "
        "flew from Ciudad del Este to Foz do Iguaçu."
    )
    (person,) = found.persons
    assert person.country == "CI"
    assert {o.name for o in found.organisations} == {"National Security Council of Côte d'Ivoire"}
    assert {loc.name for loc in found.locations} == {"Ciudad del Este", "Foz do Iguaçu"}


def test_a_title_with_a_bracketed_acronym_and_lowercase_role_nouns_are_read() -> None:
    found = extract(
        "Also present were the Minister of the National Anti-Drug Secretariat (SENAD) of "
        "Paraguay, Jorge Luis Villalba Duarte, and Delegate Ana Cristina Moreira da Silva, "
        "superintendent of the Federal Police of Brazil in the state of Paraná."
    )
    people = {p.name: (p.roles, p.country) for p in found.persons}
    assert people == {
        "Jorge Luis Villalba Duarte": (
            ("Minister of the National Anti-Drug Secretariat (SENAD) of Paraguay",),
            "PY",
        ),
        "Ana Cristina Moreira da Silva": (
            ("Delegate", "superintendent of the Federal Police of Brazil in the state of Paraná"),
            "BR",
        ),
    }


def test_a_bare_title_that_begins_a_fuller_role_of_the_same_person_is_dropped() -> None:
    found = extract(
        "The Minister of the Interior of Finland, Aino Lehtonen, opened the talks. Later, "
        "Minister Lehtonen took questions."
    )
    (person,) = found.persons
    assert person.roles == ("Minister of the Interior of Finland",)
