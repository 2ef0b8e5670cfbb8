"""The 15 frames of the Policy Frames Codebook (Boydstun et al. 2014) plus ``other``: seed phrases and three to
five prototype sentences each, written for this project from the Codebook's definitions (not taken from any
sampled sentence). ``other`` has prototypes too (sign-up boxes, copyright lines, captions, "did not respond")."""

from __future__ import annotations

# frame -> (seed phrases, prototype sentences)
FRAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "economic": (
        ("cost", "costs", "economy", "economic", "jobs", "billion", "tax", "taxes", "budget", "wages", "inflation",
         "prices", "profit", "deficit", "spending"),
        (
            "The policy will cost taxpayers billions of dollars.",
            "The economy and jobs will suffer.",
            "Prices rose sharply and wages failed to keep up.",
            "The company reported lower profits and weaker sales.",
            "The tax cut would add to the federal deficit.",
        ),
    ),
    "capacity and resources": (
        ("shortage", "capacity", "overwhelmed", "resources", "understaffed", "backlog"),
        (
            "Officials say they lack the staff and resources to cope.",
            "The agency does not have enough money or workers to handle the demand.",
            "There is a shortage of equipment and trained personnel.",
        ),
    ),
    "morality": (
        ("moral", "immoral", "evil", "sin", "god", "values", "shame", "conscience", "faith"),
        (
            "It is a moral outrage and a betrayal of our values.",
            "Religious leaders said it is a sin and our duty is to do what is right.",
            "It is shameful and wrong, and people of conscience should say so.",
        ),
    ),
    "fairness and equality": (
        ("fair", "unfair", "equal", "equality", "inequality", "discrimination", "discriminated", "civil rights"),
        (
            "The rule treats some groups unfairly and deepens inequality.",
            "Minorities still face discrimination and unequal treatment.",
            "Critics say the law violates their equal rights.",
        ),
    ),
    "legality": (
        ("court", "judge", "law", "legal", "unconstitutional", "lawsuit", "lawsuits", "ruling", "constitution",
         "justices"),
        (
            "A federal judge ruled the order unconstitutional.",
            "The lawsuit was filed in federal court.",
            "The Supreme Court will hear arguments in the case.",
            "Lawyers argued the action broke the law.",
        ),
    ),
    "policy prescription": (
        ("plan", "proposal", "bill", "reform", "executive order", "legislation", "ban", "regulation"),
        (
            "The administration announced a new plan to fix the problem.",
            "The bill would require states to expand the program.",
            "Experts doubt the new rule will work as intended.",
            "Under the proposal, the government would ban the practice.",
        ),
    ),
    "crime and punishment": (
        ("crime", "criminal", "arrest", "arrested", "cartel", "smuggling", "prison", "gang", "charged", "murder"),
        (
            "Police arrested members of the drug cartel.",
            "He was charged with the crime and sentenced to prison.",
            "Violent crime in the city rose last year.",
        ),
    ),
    "security and defense": (
        ("security", "military", "troops", "threat", "terrorist", "terrorism", "invasion", "war", "pentagon"),
        (
            "Troops were sent to secure the border against the threat.",
            "The military launched strikes against terrorist targets.",
            "Intelligence officials warned of a threat to national security.",
            "The conflict could escalate into war.",
        ),
    ),
    "health and safety": (
        ("public health", "deaths", "disease", "safety", "hospital", "overdose", "fentanyl", "virus", "patients"),
        (
            "The outbreak has put public health and safety at risk.",
            "Patients struggle to get medical treatment.",
            "The disaster killed several people and injured dozens.",
        ),
    ),
    "quality of life": (
        ("families", "communities", "homes", "neighborhood", "daily life", "children"),
        (
            "Families in the community say their daily lives have changed.",
            "People worry about their children's future and their own well-being.",
            "Residents say life in the neighborhood has become harder.",
        ),
    ),
    "cultural identity": (
        ("culture", "tradition", "heritage", "identity", "american way", "language"),
        (
            "The debate is about national identity and cultural heritage.",
            "The community's language, religion and traditions shape who they are.",
            "Race and gender remain central to how Americans see themselves.",
        ),
    ),
    "public opinion": (
        ("poll", "polls", "voters", "survey", "approval", "protest", "protesters", "percent"),
        (
            "A new poll shows most voters disapprove.",
            "A majority of Americans said they support the idea.",
            "Protesters marched to express public anger.",
            "The public remains deeply divided on the question.",
        ),
    ),
    "political": (
        ("democrats", "republicans", "republican", "democratic", "gop", "campaign", "election", "congress", "senate",
         "partisan", "party", "primary", "candidate", "candidates", "nominee"),
        (
            "Republicans and Democrats traded blame ahead of the election.",
            "The senator announced her campaign for president.",
            "Party leaders struck a deal to win over wavering members.",
            "The candidate won the primary and will face the incumbent.",
            "The Senate will vote on the nominee next week.",
        ),
    ),
    "external regulation and reputation": (
        ("foreign", "international", "relations", "diplomatic", "tariffs", "ally", "allies", "treaty", "sovereignty",
         "sanctions"),
        (
            "The dispute strained diplomatic relations with the neighbouring country.",
            "Foreign governments criticised the country's conduct.",
            "The two countries signed an international agreement.",
        ),
    ),
    "other": (
        (),
        (
            "Sign up for our newsletter to receive updates.",
            "Copyright by the publisher. All rights reserved.",
            "Photo caption: image courtesy of the photographer.",
            "Follow us on social media.",
            "He did not respond to a request for comment.",
        ),
    ),
}  # fmt: skip
