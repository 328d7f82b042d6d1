from ingest.german import GermanAnalyzer, build_lexicon

LEXICON = build_lexicon(
    ["Satzung über die Hundesteuer", "Die Satzung gilt.", "Hunde und die Steuer", "Steuer für den Hund"], min_count=1
)


def test_queries_without_umlauts_meet_the_same_stems() -> None:
    analyzer = GermanAnalyzer()
    assert analyzer.tokens("Gebuehr fuer die Strasse") == analyzer.tokens("Gebühr für die Straße")
    assert analyzer.tokens("Gemeinderaete") == analyzer.tokens("Gemeinderäte")


def test_plural_and_singular_share_a_stem() -> None:
    analyzer = GermanAnalyzer()
    assert analyzer.tokens("Gemeinderäte") == analyzer.tokens("Gemeinderat")


def test_compound_is_split_into_parts_that_occur_alone() -> None:
    analyzer = GermanAnalyzer(LEXICON)
    compound = set(analyzer.tokens("Hundesteuersatzung"))
    phrase = set(analyzer.tokens("Satzung über die Hundesteuer"))
    assert {"satzung"} <= compound & phrase
    assert len(compound & phrase) >= 2


def test_stop_words_are_dropped() -> None:
    assert GermanAnalyzer().tokens("Wer ist für die und der zuständig") == ["zustand"]
