"""Marking a reader's words in a text: by stem in the text's language, escaped, cut around the match."""

from training.search.highlight import highlight, query_terms


def test_a_greek_query_marks_other_forms_of_its_words_whatever_their_accents_and_case():
    terms = query_terms("αυτόματη απάντηση", language="el")

    assert (
        highlight("ΑΥΤΟΜΑΤΕΣ απαντήσεις, όχι πρώτη", terms)
        == "<mark>ΑΥΤΟΜΑΤΕΣ</mark> <mark>απαντήσεις</mark>, όχι πρώτη"
    )


def test_a_spanish_query_marks_plural_and_unaccented_forms():
    terms = query_terms("respuesta automatica", language="es")

    assert (
        highlight("Respuestas automáticas y otras", terms) == "<mark>Respuestas</mark> <mark>automáticas</mark> y otras"
    )


def test_markup_in_the_text_is_escaped_around_the_marks():
    terms = query_terms("reply", language="en")

    assert highlight("<b>reply</b> & more", terms) == "&lt;b&gt;<mark>reply</mark>&lt;/b&gt; &amp; more"


def test_a_long_text_is_cut_between_words_around_the_first_match():
    text = " ".join(f"word{n}" for n in range(100)) + " target " + " ".join(f"tail{n}" for n in range(100))

    snippet = highlight(text, query_terms("target", language="en"), length=80)

    assert snippet.startswith("…word") and snippet.endswith("…")
    assert "<mark>target</mark>" in snippet
    assert all(piece.startswith(("word", "tail", "<mark>")) for piece in snippet.strip("…").split())


def test_words_found_are_reported_by_stem():
    terms = query_terms("replies customer", language="en")

    assert terms.found_in("A customer's reply") == terms.keys
    assert terms.found_in("Nothing here") == frozenset()
