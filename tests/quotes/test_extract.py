"""One focused test per quotation/speaker edge case, on short sentences written for the test."""

from __future__ import annotations

from collections.abc import Callable

from newsprism.model import Article, Quote, validate_offsets

Analyze = Callable[[str], Article]


def _find(art: Article, needle: str, kind: str | None = None) -> Quote:
    hits = [q for q in art.quotes if needle in q.text and (kind is None or q.kind == kind)]
    assert hits, f"no {kind or ''} quote containing {needle!r}: {[(q.kind, q.text) for q in art.quotes]}"
    return hits[0]


def _name(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_pronoun_resolves_to_compatible_person(analyze: Analyze) -> None:
    art = analyze(
        "Senator Maria Lopez met Governor John Smith on Monday.\n\n"
        "“We will not back down on this bill,” she said.\n\n"
        "“The budget comes first,” he said."
    )
    assert _name(_find(art, "back down")) == "Maria Lopez"
    assert _name(_find(art, "budget")) == "John Smith"
    assert validate_offsets(art) == []


def test_split_quote_is_one_event(analyze: Analyze) -> None:
    art = analyze("“The plan is ready,” said Mary Jones, the agency director. “We start next week.”")
    a, b = _find(art, "plan is ready"), _find(art, "start next week")
    assert a.kind == b.kind == "direct"
    assert a.event == b.event
    assert _name(a) == _name(b) == "Mary Jones"


def test_unclosed_quote_is_recovered(analyze: Analyze) -> None:
    art = analyze("“This will take time,” Jones said. “It is hard work and we are ready for it.\n\nThe meeting ended.")
    q = _find(art, "hard work")
    assert q.text.endswith("ready for it.")
    assert q.closed is False
    assert _name(q) == "Jones"


def test_block_quote_after_speaker_line(analyze: Analyze) -> None:
    art = analyze(
        "Governor Tom Baker spoke to reporters on Friday.\n\n"
        "Baker said:\n\n"
        "We have done everything we can for these families, and I am proud of our team.\n\n"
        "So we will keep going until the work is finished.\n\n"
        "The legislature returns in January."
    )
    q = _find(art, "everything we can", "block")
    assert "keep going" in q.text and "legislature" not in q.text
    assert _name(q) == "Tom Baker"


def test_block_quote_pronoun_speaker_line(analyze: Analyze) -> None:
    art = analyze(
        "“This is wrong,” said Karen White.\n\nShe continued:\n\n"
        "I have never seen anything like it.\n\nThe vote is Tuesday."
    )
    q = _find(art, "never seen", "block")
    assert _name(q) == "Karen White"


def test_block_quote_introduced_at_the_end_of_a_narration_paragraph(analyze: Analyze) -> None:
    art = analyze(
        "Councilman Rick Hale, who voted against the plan, said the project was a giveaway to developers. "
        "He added:\n\nThe numbers never added up. Taxpayers will pay for this long after the ribbon is cut.\n\n"
        "Officials said construction could begin next spring."
    )
    q = _find(art, "numbers never added up", "block")
    assert "Taxpayers" in q.text and "construction" not in q.text and _name(q) == "Rick Hale"
    assert not [x for x in art.quotes if x.kind == "block" and "giveaway" in x.text]


def test_according_to_a_recording_is_its_owners_speech(analyze: Analyze) -> None:
    art = analyze("According to Tom Baker's statement, the state will veto the bill within a week.")
    assert _name(_find(art, "veto the bill", "indirect")) == "Tom Baker"


def test_recording_with_pronoun_owner_is_the_document_not_the_person_it_names(analyze: Analyze) -> None:
    """Issue 19: the content names Baker in the third person, so it is the video's report, not his words."""
    art = analyze(
        "Senator Mary Cole spoke first.\n\n"
        "According to the video of his statement, Governor Tom Baker promised to veto the bill within a week."
    )
    q = _find(art, "promised to veto", "indirect")
    assert q.speaker is not None and "video" in q.speaker.name
    assert q.speaker_kind == "document" and q.speech_act == "report"


def test_partial_quote_attributed_or_not(analyze: Analyze) -> None:
    art = analyze(
        "Smith said the deal was a “historic step” for the region.\n\n"
        "Critics of the so-called “reform agenda” remain unconvinced."
    )
    attributed = _find(art, "historic step", "partial")
    assert _name(attributed) == "Smith"
    assert attributed.speech_act == "assertion"
    scare = _find(art, "reform agenda", "term")
    assert scare.speaker is None and scare.cue is None and not scare.unattributed


def test_titles_and_policy_names_are_terms_even_in_attributed_sentences(analyze: Analyze) -> None:
    art = analyze(
        "Smith said the “Remain in Mexico” policy had worked.\n\n"
        "Jones said the bill was “a disgrace to this chamber” and walked out."
    )
    assert _find(art, "Remain in Mexico", "term").speaker is None
    assert _name(_find(art, "a disgrace to this chamber", "partial")) == "Jones"


def test_indirect_speech_content_is_reported_clause(analyze: Analyze) -> None:
    art = analyze("Mayor Ann Lee said the city had made a number of calls to the state.")
    q = _find(art, "the city had made", "indirect")
    assert q.text == "the city had made a number of calls to the state"
    assert _name(q) == "Ann Lee"
    assert q.cue == "said"


def test_according_to(analyze: Analyze) -> None:
    art = analyze("According to Lee, most residents do not want to leave the city.")
    q = _find(art, "most residents", "indirect")
    assert q.text == "most residents do not want to leave the city"
    assert _name(q) == "Lee"
    assert q.cue == "According to"


def test_organisation_and_outlet_sources(analyze: Analyze) -> None:
    art = analyze(
        "The Daily Herald has reported that the mayor will resign next month.\n\n"
        "The White House said the visit would go ahead as planned."
    )
    outlet = _find(art, "mayor will resign", "indirect")
    assert _name(outlet) == "Daily Herald"
    assert outlet.speaker_kind == "outlet"
    org = _find(art, "visit would go ahead", "indirect")
    assert org.speaker_kind == "organization"
    kinds = {s.name: s.kind for s in art.speakers}
    assert kinds["Daily Herald"] == "outlet"


def test_anonymous_source_flagged(analyze: Analyze) -> None:
    art = analyze(
        "Officials said the border would reopen on Monday.\n\n"
        "“Nobody expected this,” a source familiar with the talks said."
    )
    a = _find(art, "border would reopen", "indirect")
    assert a.anonymous is True
    b = _find(art, "Nobody expected", "direct")
    assert b.anonymous is True
    assert b.speaker is not None and "source familiar" in b.speaker.name
    assert any(s.kind == "anonymous" for s in art.speakers)


def test_loaded_and_neutral_cues(analyze: Analyze) -> None:
    art = analyze("Jones claimed the report was false.\n\nJones said the report was late.")
    loaded = _find(art, "was false", "indirect")
    neutral = _find(art, "was late", "indirect")
    assert (loaded.cue, loaded.cue_class) == ("claimed", "loaded")
    assert neutral.cue_class == "neutral"


def test_name_variants_merge_into_one_speaker(analyze: Analyze) -> None:
    art = analyze(
        "President Joe Biden spoke on Monday.\n\n"
        "“We are ready,” Biden said.\n\n"
        "President Biden added that the plan was fair.\n\n"
        "“Thank you, Mr. President,” said Kamala Harris.\n\n"
        "“It is time,” the president said."
    )
    names = {_name(q) for q in art.quotes if q.speaker and "Harris" not in q.speaker.name}
    assert names == {"Joe Biden"}
    (biden,) = [s for s in art.speakers if s.name == "Joe Biden"]
    mentions = {m.text for m in biden.mentions}
    assert {"Biden", "President Biden", "the president"} <= mentions
    ids = {q.speaker_id for q in art.quotes if _name(q) == "Joe Biden"}
    assert ids == {biden.id}


def test_role_resolves_to_title_holder(analyze: Analyze) -> None:
    art = analyze(
        "On Friday, Symone Sanders, the press secretary, spoke.\n\n"
        "Vice President Kamala Harris was in Texas.\n\n"
        "The vice president said the trip had gone well."
    )
    q = _find(art, "trip had gone well", "indirect")
    assert _name(q) == "Kamala Harris"


def test_content_before_cue_and_quantity_speaker(analyze: Analyze) -> None:
    art = analyze(
        "The plan would cut taxes for most families, Johnson said.\n\nA number of voters said they supported the plan."
    )
    a = _find(art, "cut taxes", "indirect")
    assert a.text == "The plan would cut taxes for most families" and _name(a) == "Johnson"
    b = _find(art, "they supported", "indirect")
    # issue 19 round 2: a plural group names no one (speaker null, unattributed, not shown), but the source phrase
    # is still the counted people, PolNeAR's source
    assert b.speaker is None and b.unattributed
    assert art.text[b.source_start : b.source_end] == "A number of voters"


def test_multi_paragraph_quote_keeps_speaker_and_event(analyze: Analyze) -> None:
    art = analyze("“We came here to work,” said Mayor Ann Lee. “And we will finish it.\n\n“Nobody will stop us.”")
    a, b = _find(art, "finish it"), _find(art, "Nobody will stop")
    assert b.kind == "direct" and _name(b) == "Ann Lee"
    assert a.event == b.event


def test_pronoun_skips_names_inside_the_reported_clause(analyze: Analyze) -> None:
    art = analyze("Mayor Tom Baker spoke on Monday.\n\nJohn Smith is not a conservative, he said.")
    q = _find(art, "not a conservative", "indirect")
    assert _name(q) == "Tom Baker"


def test_parenthetical_cue_gives_two_parts_of_one_event(analyze: Analyze) -> None:
    art = analyze("The old plant was a juggernaut, Mr. Clarke said, until it went bankrupt in 2009.")
    a, b = _find(art, "juggernaut", "indirect"), _find(art, "until it went bankrupt", "indirect")
    assert a.text == "The old plant was a juggernaut"
    assert a.event == b.event and _name(a) == _name(b) == "Clarke"


def test_colon_without_verb(analyze: Analyze) -> None:
    art = analyze("Cruz's response: “We will win this state and the next one.”")
    q = _find(art, "We will win", "direct")
    assert (_name(q), q.cue) == ("Cruz", ":")


def test_quote_paragraph_continues_previous_speaker(analyze: Analyze) -> None:
    art = analyze("“We will not stop,” said Mayor Ann Lee.\n\n“The city deserves better than this.”")
    q = _find(art, "deserves better", "direct")
    assert _name(q) == "Ann Lee"
    assert q.inherited_speaker is True


def test_transcript_speaker_labels(analyze: Analyze) -> None:
    art = analyze(
        "Senator Mary Fallin spoke to CNN.\n\nTAPPER: Do you think the plan can work?\n\n"
        "FALLIN: I think it can work if both parties agree on it."
    )
    q = _find(art, "if both parties agree", "block")
    assert _name(q) == "Mary Fallin" and q.cue == ":"
    assert _find(art, "Do you think", "block").speaker is not None


# -- PolNeAR-style attributions (issue 4): object and prepositional frames of attitude/speech verbs --------


def test_prepositional_frame_cue_covers_the_preposition(analyze: Analyze) -> None:
    art = analyze("Senator Maria Lopez talked about the rising cost of housing in small rural towns.")
    q = _find(art, "rising cost of housing", "indirect")
    assert q.cue == "talked about"
    assert q.text.startswith("the rising cost")  # the preposition belongs to the cue, not the content
    assert _name(q) == "Maria Lopez"


def test_object_frame_of_attitude_verbs(analyze: Analyze) -> None:
    art = analyze(
        "Governor Tom Baker blamed the budget office for the long delays in payments.\n\n"
        "Mary Jones described the new tax plan as a reckless gamble with public money."
    )
    blame = _find(art, "budget office", "indirect")
    assert (_name(blame), blame.cue, blame.attitude) == ("Tom Baker", "blamed", True)
    desc = _find(art, "reckless gamble", "indirect")
    assert (_name(desc), desc.cue) == ("Mary Jones", "described")


def test_need_is_not_an_attribution_cue(analyze: Analyze) -> None:
    art = analyze("Senator Maria Lopez needs to win the northern counties to stay in the race this year.")
    assert not [q for q in art.quotes if q.kind == "indirect"]


def test_evidence_cue_takes_any_noun_source(analyze: Analyze) -> None:
    art = analyze("A new statewide analysis shows the governor with a lead of nine points over his rival.")
    q = _find(art, "governor with a lead", "indirect")
    assert q.cue == "shows"
    assert art.text[q.source_start : q.source_end] == "A new statewide analysis"


def test_clause_complement_makes_a_noun_subject_a_source(analyze: Analyze) -> None:
    art = analyze("Campaign strategists believe that suburban women will decide the election in November.")
    q = _find(art, "suburban women will decide", "indirect")
    assert q.cue == "believe"
    assert q.attitude is True


def test_agentless_passive_and_raising_verb_have_no_source(analyze: Analyze) -> None:
    art = analyze(
        "The central bank is expected to raise interest rates at its meeting in December.\n\n"
        "The senator appeared to soften his position on the trade agreement."
    )
    exp = _find(art, "raise interest rates", "indirect")
    assert (exp.cue, exp.speaker, exp.sourceless) == ("is expected", None, True)
    assert any(q.text == "The central bank" and q.event == exp.event for q in art.quotes)
    app = _find(art, "soften his position", "indirect")
    assert (app.cue, app.speaker) == ("appeared", None)


def test_passive_with_an_agent_is_not_sourceless(analyze: Analyze) -> None:
    art = analyze("The bill was expected by most analysts to pass the chamber easily.")
    assert not [q for q in art.quotes if getattr(q, "sourceless", False)]


def test_nominal_cue_with_possessor_source(analyze: Analyze) -> None:
    art = analyze(
        "Voters cheered Senator Maria Lopez's attacks on the new pipeline project.\n\n"
        "Mayor John Smith's decision to close the downtown library angered residents."
    )
    att = _find(art, "new pipeline project", "indirect")
    assert (_name(att), att.cue, att.nominal) == ("Maria Lopez", "attacks on", True)
    dec = _find(art, "close the downtown library", "indirect")
    assert (_name(dec), dec.cue, dec.attitude) == ("John Smith", "decision", True)


def test_nominal_cue_without_possessor_needs_a_clause(analyze: Analyze) -> None:
    art = analyze(
        "Allegations that the ballots had been counted twice spread quickly online.\n\n"
        "The criticism of the budget grew louder over the summer."
    )
    q = _find(art, "ballots had been counted", "indirect")
    assert (q.speaker, q.cue, q.sourceless) == (None, "Allegations", True)
    assert not [q for q in art.quotes if "budget" in q.text]


def test_mislemmatised_cue_verb_is_repaired(analyze: Analyze) -> None:
    art = analyze("Senator Maria Lopez hopes the new farm bill will pass before the summer recess.")
    q = _find(art, "farm bill will pass", "indirect")
    assert (_name(q), q.cue, q.cue_lemma) == ("Maria Lopez", "hopes", "hope")


def test_sentence_led_by_in_a_poll(analyze: Analyze) -> None:
    art = analyze(
        "In a new poll released Sunday, the governor leads his rival by ten points.\n\n"
        "In the morning, the governor visited a school."
    )
    q = _find(art, "leads his rival", "indirect")
    assert q.cue == "In"
    assert art.text[q.source_start : q.source_end] == "a new poll released Sunday"
    assert not [q for q in art.quotes if "visited" in q.text]


def test_belief_cue_interrupting_its_clause(analyze: Analyze) -> None:
    art = analyze("Such a move, his advisers believe, would alienate the voters he needs in the fall.")
    q = _find(art, "alienate the voters", "indirect")
    assert q.cue == "believe"
    assert art.text[q.source_start : q.source_end] == "his advisers"


def test_writers_modal_is_no_speech_act(analyze: Analyze) -> None:
    """Issue 19: "would confirm" is the writer's inference, not words of the policy's subject."""
    art = analyze("A continuation of the Biden policy would confirm Harris is pushing migration to win votes.")
    assert not [q for q in art.quotes if "pushing migration" in q.text]


def test_content_stays_within_the_cues_reach(analyze: Analyze) -> None:
    art = analyze(
        "It should be noted that hours before the Mexican President met with the US vice president, "
        "he sharply criticized America for providing aid to a group in Mexico."
    )
    assert not [q for q in art.quotes if "should be noted" in q.text]
    (crit,) = [q for q in art.quotes if q.cue and "criticized" in q.cue]
    assert crit.attitude and crit.speech_act is None  # the object is the target, not the words


def test_generic_and_unresolved_sources_leave_the_quote_unattributed(analyze: Analyze) -> None:
    art = analyze(
        "The rules changed last year.\n\n"
        "Anyone who opposes the agenda is targeted, and people who support the rule of law are next, they said."
    )
    for q in art.quotes:
        assert q.speaker is None or q.speaker.name.lower() not in {"anyone", "people", "they"}
        assert q.kind == "term" or (q.speaker is None) == bool(q.unattributed)


def test_speech_acts_and_attitudes(analyze: Analyze) -> None:
    art = analyze(
        "Senator Ann Lee denied that the deal had collapsed.\n\n"
        "Governor Tom Baker promised to veto the bill.\n\n"
        "Migrants asked for asylum in the United States."
    )
    assert _find(art, "the deal had collapsed", "indirect").speech_act == "denial"
    assert _find(art, "veto the bill", "indirect").speech_act == "promise"
    asylum = [q for q in art.quotes if "asylum" in q.text]
    assert all(q.speech_act is None and q.attitude for q in asylum)


# -- issue 19 round 2: never put words in the wrong mouth ----------------------------------------------------------


def test_pronoun_with_two_candidate_speakers_is_unattributed_and_hidden(analyze: Analyze) -> None:
    from newsprism.quotes.confidence import speech

    art = analyze(
        "“We start now,” Maria Lopez said at the hearing.\n\nThen Anna Reyes took the floor.\n\n"
        "“We will fix the roads,” she said."
    )  # Lopez spoke last, Reyes is the latest subject: salience cannot tell
    q = _find(art, "fix the roads")
    assert q.speaker is None and q.unattributed and not speech(q)
    one = analyze("Maria Lopez spoke first at the hearing.\n\n“We will fix the roads,” she said.")
    assert _name(_find(one, "fix the roads")) == "Maria Lopez"


def test_person_named_inside_reported_words_does_not_compete(analyze: Analyze) -> None:
    art = analyze(
        "Symone Lee, the press secretary, spoke on Friday.\n\n"
        "Lee said Kamala Harris had made many calls.\n\n“The work goes on,” she said."
    )
    assert _name(_find(art, "work goes on")) == "Symone Lee"


def test_shared_surname_bare_is_the_first_introduced(analyze: Analyze) -> None:
    text = "Joe Biden and Hunter Biden attended the dinner.\n\n“It was a good night,” {} said."
    assert _name(_find(analyze(text.format("Biden")), "good night")) == "Joe Biden"  # the one introduced first
    assert _name(_find(analyze(text.format("Hunter Biden")), "good night")) == "Hunter Biden"
    assert _find(analyze(text.format("he")), "good night").speaker is None  # both men: cannot tell


def test_role_description_resolves_to_the_named_person_or_to_no_one(analyze: Analyze) -> None:
    art = analyze("Tammy Baldwin spoke in Madison on Monday.\n\n“We need the money,” the Wisconsin lawmaker said.")
    assert _name(_find(art, "need the money")) == "Tammy Baldwin"
    alone = analyze("“We need the money,” a Medicaid director said on Tuesday.")
    assert _find(alone, "need the money").speaker_kind == "anonymous"  # someone the article does not name
    shared = analyze("Bob McDonnell and Mary McDonnell left the court.\n\n“My trust remains in the Lord,” he said.")
    assert _name(_find(shared, "trust remains")) == "Bob McDonnell"
    # a given name of unknown gender could be either: no speaker rather than a guess
    unsure = analyze("Bob McDonnell and Maureen McDonnell left.\n\n“My trust remains in the Lord,” he said.")
    assert _find(unsure, "trust remains").speaker is None
    appos = analyze("The governor, Anna Reyes, said the plan had failed.")
    assert _name(_find(appos, "plan had failed", "indirect")) == "Anna Reyes"


def test_groups_things_and_datelines_are_no_speakers(analyze: Analyze) -> None:
    for text in ("Supporters said the rally was peaceful.", "The ban said that nobody could enter the park."):
        q = next(q for q in analyze(text).quotes if q.kind == "indirect")
        assert q.speaker is None and q.unattributed
    art = analyze("WASHINGTON — The Senate passed the bill on Tuesday, officials said.")
    q = _find(art, "Senate passed", "indirect")
    assert q.text == "The Senate passed the bill on Tuesday" and _name(q) == "officials"


def test_cues_that_report_no_utterance(analyze: Analyze) -> None:
    from newsprism.quotes.confidence import speech

    for text in (
        "The data suggests that the policy failed.",
        "Smith had been called to testify about the program before the committee.",
        "Jones will talk about the economy at the convention on Friday.",
        "Analysts could predict that prices would rise.",
        "The senators have discussed the budget with the White House.",
    ):
        art = analyze(text)
        assert not any(speech(q) for q in art.quotes), (text, [(q.kind, q.cue, q.text) for q in art.quotes])
    later = analyze("Mark Smith would later say that the plan had failed.")
    assert speech(_find(later, "plan had failed", "indirect"))
    assert not analyze("All told, the company lost $5 million in the quarter.").quotes


def test_object_frame_stops_before_a_coordinated_statement(analyze: Analyze) -> None:
    art = analyze("The senator had been called to testify before the panel, but Mr. Kaine said he would not attend.")
    q = _find(art, "would not attend", "indirect")
    assert _name(q) == "Kaine" and q.text == "he would not attend"


def test_narrators_aside_after_a_dash_is_not_content(analyze: Analyze) -> None:
    art = analyze("Senator John Kerry said the deal was the best available — a point he re-emphasized on Sunday.")
    assert _find(art, "best available", "indirect").text == "the deal was the best available"
    art = analyze("Senator John Kerry said the plan had one flaw — a lack of funding.")
    assert _find(art, "one flaw", "indirect").text == "the plan had one flaw — a lack of funding"


def test_title_in_quotation_marks_is_a_term(analyze: Analyze) -> None:
    art = analyze("His book, “The Art of the Deal,” says that deals are won by the bold.")
    assert _find(art, "Art of the Deal").kind == "term"
    said = analyze("“We will not back down,” Smith said.")
    assert _find(said, "back down").kind == "direct"
