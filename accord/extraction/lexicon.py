"""Words that carry structure in this genre: titles and ranks, honorifics, the head nouns of
institutions, reporting verbs. Written for the domain as a whole, not for any document."""

from __future__ import annotations

HONORIFICS = frozenset({
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir",
    "Dame", "H.E.", "HE", "Excellency", "His", "Her", "Shri", "Smt.", "Smt", "Academician",
    "Madam", "Madame", "Monsieur", "Herr", "Frau", "Sheikh", "Sayyid", "Hon.", "Honourable",
    "Honorable", "Rt.",
    # Malay, Bruneian, Cambodian and Gulf honorifics: "Datuk Seri", "Dato Seri Setia Haji
    # Awang", "Samdech", "Sheikha"
    "Datuk", "Dato", "Dato'", "Dato’", "Datin", "Seri", "Setia", "Haji", "Hajah",
    "Awang", "Dayang", "Pehin", "Samdech", "Sheikha", "Shaikh", "Shaikha",
})  # fmt: skip

# Capitalised words that begin or make up a title, rank or function written before a name.
TITLE_WORDS = frozenset({
    "President", "Vice-President", "Vice", "Prime", "Minister", "Deputy", "First", "Secretary",
    "Secretary-General", "General", "Under-Secretary-General", "Assistant", "Chief", "Head",
    "Director", "Director-General", "Commander", "Commander-in-Chief", "Chairman", "Chairwoman",
    "Chair", "Chairperson", "Ambassador", "Envoy", "Special", "Representative", "Permanent",
    "Adviser", "Advisor", "Aide", "Spokesperson", "Spokesman", "Spokeswoman", "Colonel",
    "Lieutenant", "Lieutenant-General", "Lieutenant-Colonel", "Major", "Major-General",
    "Captain", "Brigadier", "Admiral", "Vice-Admiral", "Rear", "Marshal", "Sergeant", "Inspector",
    "Police", "Officer", "Prosecutor", "Prosecutor-General", "Governor", "Mayor", "King", "Queen",
    "Crown", "Prince", "Chancellor", "Manager", "Senator", "Congressman", "Judge",
    "Justice", "Attorney", "Executive", "Coordinator", "Co-Chair", "Co-chair", "Counsellor",
    "Councilor", "Councillor",
    "Counselor", "Consul", "Attaché", "Lt.", "Lt.Gen.", "Lt.Col.", "Gen.", "Col.", "Maj.",
    "Capt.", "Adm.", "Brig.", "Sgt.", "Insp.", "Colonel-General", "State", "Senior", "Acting",
    "Chief-of-Staff", "Foreign", "Defence", "Defense", "Interior", "Commissioner",
    "High", "Principal", "Rapporteur", "Premier", "Speaker", "Auditor", "Commodore",
    # hyphenated titles: "Vice-Minister of Defence", "Inspector-General of Police"
    "Vice-Minister", "Deputy-Minister", "Vice-Chairman", "Vice-Chair", "Vice-Chairperson",
    "Vice-Premier", "Vice-Chancellor", "Vice-Governor", "Vice-Marshal", "Rear-Admiral",
    "Brigadier-General", "Under-Secretary", "Inspector-General", "Attorney-General",
    "Auditor-General", "Solicitor-General", "Procurator-General", "Surgeon-General",
    "Governor-General",
    "Undersecretary", "Subsecretary", "Superintendent", "Commandant", "Delegate",
    "Vice-Chairwoman", "Minister-Counsellor", "Deputy-Director",
    "Secretary-Designate", "President-elect", "President-Elect", "Minister-designate",
    # police ranks of other services: "Chief Quaestor" (Romania), "Divisional Commissioner"
    "Quaestor", "Chestor", "Divisional", "Constable", "Commissaire", "Comisario",
})  # fmt: skip

# Head nouns of institutions: a capitalised name holding one is a body (accord.extraction.bodies).
INSTITUTION_HEADS = frozenset({
    "Academy", "Administration", "Agency", "Army", "Assembly", "Association", "Authority",
    "Board", "Branch", "Brigade", "Bureau", "Cabinet", "Center", "Centre", "Command",
    "Commission", "Committee", "Consulate", "Corps", "Council", "Court", "Customs",
    "Department", "Detachment", "Directorate", "Division", "Embassy", "Force", "Forces",
    "Gendarmerie", "Government", "Guard", "Hub", "Inspectorate", "Institute", "Ministry",
    "Mission", "Navy", "Office", "Organisation", "Organization", "Parliament", "Police",
    "Secretariat", "Service", "Staff", "Structure", "Troops", "Union", "Unit", "University",
})  # fmt: skip

# Head nouns that make a capitalised run an organisation's, a meeting's or an instrument's name,
# never a person's: the institutions' heads and more.
ORGANISATION_HEADS = INSTITUTION_HEADS | frozenset({
    "Agreement", "Alliance", "Bank", "Battalion", "Chancellery", "Coalition", "College",
    "Community", "Company", "Confederation", "Conference", "Contingent", "Cooperation",
    "Corporation", "Course", "Dialogue", "Duma", "Emirates", "Exercise", "Federation",
    "Fleet", "Forum", "Foundation", "Fund", "Group", "Headquarters", "Initiative",
    "Kingdom", "Legislature", "Majlis", "Meeting", "Nations", "Network", "Observatory",
    "Ombudsman", "Operation", "Partnership", "Pipeline", "Plan", "Presidency",
    "Principality", "Program", "Programme", "Project", "Prosecution", "Prosecutor's",
    "Railway", "Regiment", "Registry", "Republic", "School", "Section", "Senate", "Session",
    "States", "Sultanate", "Summit", "Task", "Team", "Treaty", "Tribunal", "Workshop",
})  # fmt: skip

# Capitalised words that start sentences or headings and are never part of a name.
NOT_NAMES = frozenset({
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "With", "Of", "And", "But",
    "Or", "As", "After", "Before", "During", "Since", "Until", "While", "When", "Where", "This",
    "That", "These", "Those", "It", "Its", "We", "Our", "They", "Their", "He", "She", "His",
    "Her", "I", "You", "Your", "My", "Today", "Yesterday", "Tomorrow", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "According", "Also", "Both", "Each", "Every", "All", "Some", "Many", "Most", "Other", "New",
    "Question", "Answer", "Transcript", "Photo", "Last", "Next", "First", "Second", "Third",
    "Thank", "Thanks", "Yes", "No", "Good", "Dear", "Ladies", "Gentlemen", "Excellencies",
    "Colleagues", "Let", "Allow", "However", "Moreover", "Furthermore", "Meanwhile", "There",
    "Here", "What", "Which", "Who", "How", "Why", "If", "Under", "Over", "Between", "Among",
    "Against", "Through", "Following", "Representing", "Speaking", "Addressing", "Opening",
    "Closing", "Together", "Besides", "Such", "Any", "One", "Two", "Three", "Chair",
    "Mission", "Slide", "Updated", "Published", "Events", "News", "Press", "Release",
    "Statement", "Communiqué", "Joint", "Interview", "Minister", "Ministers", "Secretaries",
    "Delegation", "Delegations", "Participants", "Officials", "General", "Council", "Security",
    "Border", "Defence", "Defense", "National", "International", "Regional", "State", "Federal",
})  # fmt: skip

REPORTING_VERBS = (
    "said",
    "says",
    "told",
    "stated",
    "stressed",
    "noted",
    "added",
    "explained",
    "emphasised",
    "emphasized",
    "underlined",
    "underscored",
    "warned",
    "declared",
    "announced",
    "remarked",
    "observed",
    "pointed out",
    "recalled",
    "concluded",
    "insisted",
    "argued",
    "urged",
    "highlighted",
    "affirmed",
    "reiterated",
    "commented",
    "asserted",
    "continued",
    "replied",
)

# The kinds of place written after a place's name: "Panj River", "Khatlon Region", "Lake Chad
# Basin" (no person's name ends in one).
GEO_SUFFIXES = frozenset({
    "River", "Region", "Province", "Oblast", "District", "Valley", "Mountains", "Range",
    "Sea", "Lake", "Gulf", "Strait", "Autonomous", "Governorate", "Prefecture", "Canal",
    "Basin", "Delta", "Plateau", "Desert", "Peninsula", "Island", "Islands", "Bay",
})  # fmt: skip

# Words that begin a building's name in Romance languages, before "de" and a name.
VENUE_WORDS = frozenset({
    "Palacio", "Palácio", "Palais", "Palazzo", "Casa", "Quinta", "Castillo", "Château",
    "Hôtel", "Hotel", "Teatro", "Centro", "Plaza", "Praça", "Piazza", "Sala", "Salón",
})  # fmt: skip
