"""The fast SymSpell build in lint/lexicon.py must give the very index symspellpy builds."""
from symspellpy import SymSpell, Verbosity

from garblint.lint import lexicon


def test_fast_index_equals_symspellpy_index():
    fast = lexicon.symspell()
    ref = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    ref.load_dictionary(lexicon._data_path(lexicon.DICTIONARY), term_index=0, count_index=1)
    assert fast._words == ref._words
    assert fast._below_threshold_words == ref._below_threshold_words
    assert fast._max_length == ref._max_length
    assert dict(fast._deletes) == dict(ref._deletes)  # lists compared in order
    for word in ("goverment", "teh", "recieve", "x", "internatonal", "qq"):
        a = [(s.term, s.distance, s.count) for s in fast.lookup(word, Verbosity.ALL, 2)]
        b = [(s.term, s.distance, s.count) for s in ref.lookup(word, Verbosity.ALL, 2)]
        assert a == b


def test_prefix_deletes_match_the_recursive_edits():
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for word in ("a", "ab", "abc", "letters", "aabba"):
        assert set(lexicon._prefix_deletes(word, 2)) | ({""} if len(word) <= 2 else set()) == sym._edits_prefix(word)
