"""Words that carry structure in this genre: titles and ranks, honorifics, the head nouns of
institutions, reporting verbs. Written for the domain as a whole, not for any document."""

from __future__ import annotations

HONORIFICS = frozenset({
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof", "Prof.", "Professor", "Sir",
    "Dame", "H.E.", "HE", "Excellency", "His", "Her", "Shri", "Smt.", "Smt", "Academician",
    "Madam", "Madame", "Monsieur", "Herr", "Frau", "Sheikh", "Sayyid", "Hon.", "Honourable",
    "Honorable", "Rt.",
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
    "Counselor", "Consul", "Attaché", "Lt.", "Lt.Gen.", "Lt.Col.", "Gen.", "Col.", "Maj.",
    "Capt.", "Adm.", "Brig.", "Sgt.", "Insp.", "Colonel-General", "State", "Senior", "Acting",
    "Chief-of-Staff", "Foreign", "Defence", "Defense", "Interior", "Commissioner",
    "High", "Principal", "Rapporteur", "Premier", "Speaker", "Auditor",
})  # fmt: skip

# Head nouns of institutions: a capitalised sequence containing one names an organisation,
# not a person.
ORGANISATION_HEADS = frozenset({
    "Council", "Ministry", "Committee", "Agency", "Service", "Office", "Department", "Centre",
    "Center", "Administration", "Directorate", "Troops", "Forces", "Force", "Police", "Guard",
    "Academy", "University", "Institute", "Commission", "Secretariat", "Staff", "Mission",
    "Organization", "Organisation", "Bureau", "Unit", "Structure", "Government", "Parliament",
    "Assembly", "Court", "Union", "Alliance", "Cooperation", "Partnership", "Community",
    "Headquarters", "Navy", "Army", "Command", "Authority", "Board", "Branch", "Network",
    "Group", "Corps", "Programme", "Program", "Initiative", "Fund", "Bank", "Foundation",
    "Association", "Federation", "Republic", "Kingdom", "Emirates", "States", "Nations",
    "Cabinet", "Presidency", "Chancellery", "Inspectorate", "Prosecutor's", "Forum", "Team",
    "School", "College", "Division", "Section", "Task", "Treaty", "Agreement", "Conference",
    "Summit", "Meeting", "Session", "Workshop", "Dialogue", "Operation", "Exercise",
    "Course", "Company", "Corporation", "Embassy", "Consulate", "Pipeline", "Railway",
    "Project", "Plan",
    "Confederation", "Principality", "Sultanate", "Coalition", "Observatory", "Registry",
    "Ombudsman", "Legislature", "Senate", "Duma", "Majlis", "Brigade", "Battalion", "Regiment",
    "Detachment", "Contingent", "Fleet", "Gendarmerie", "Customs", "Prosecution", "Tribunal",
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
