"""The two parts of symspellpy's ``SymSpell`` that garblint uses, ported so a run need not
import symspellpy (its import sets up logging and brings gzip and pickle: about 35 million
instructions, some 10 ms of every long run).

* ``tiny_lookup``: ``SymSpell.lookup(phrase, Verbosity.ALL or CLOSEST, d)`` on a ``SymSpell(2,
  7)`` holding only a few words (``nearwords._lookup``'s tiny index), the words' OSA distances
  from the phrase given (``nearwords._near`` has them: the same distances symspellpy's
  DAMERAU_OSA comparer computes, tests/test_nearwords.py).
* ``word_segmentation``: ``SymSpell.word_segmentation(phrase, max_edit_distance=0)`` over a
  dict of words (its look-ups with distance 0 only read the words and the longest length).

The same steps in the same order as symspellpy 6.7-6.9 (``lookup`` with ``include_unknown``,
``ignore_token`` and ``transfer_casing`` at their defaults), so the same answers in the same
order; tests/test_symport.py compares both with symspellpy itself on generated inputs.
symspellpy: Copyright (c) 2025 mmb L (Python port), Wolf Garbe (original C# SymSpell), MIT.
"""

from __future__ import annotations

import math
import unicodedata
from itertools import cycle
from typing import Mapping, NamedTuple

#: the SymSpell configuration replicated: ``SymSpell(max_dictionary_edit_distance=2, prefix_length=7)``
PREFIX_LENGTH = 7
DICTIONARY_EDIT_DISTANCE = 2
#: symspellpy's ``SymSpell.N``: the corpus size its word probabilities divide by
N = 1024908267229
#: ``string.punctuation`` (not imported: the module compiles a regex when imported)
_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


class Composition(NamedTuple):
    """symspellpy's ``Composition``: what ``word_segmentation`` returns."""

    segmented_string: str = ""
    corrected_string: str = ""
    distance_sum: int = 0
    log_prob_sum: float = 0


def _create(c: Composition, segmented_part: str, corrected_part: str, distance: int, log_prob: float) -> Composition:
    """``Composition.create``: ``c`` with the parts appended."""
    return Composition(c.segmented_string + segmented_part, c.corrected_string + corrected_part, c.distance_sum + distance, c.log_prob_sum + log_prob)


def _edits(word: str, edit_distance: int, delete_words: set[str], current_distance: int = 0) -> set[str]:
    """``SymSpell._edits``: ``word``'s deletions, up to DICTIONARY_EDIT_DISTANCE of them."""
    edit_distance += 1
    if not word:
        return delete_words
    for i in range(current_distance, len(word)):
        delete = word[:i] + word[i + 1 :]
        if delete not in delete_words:
            delete_words.add(delete)
        if edit_distance < DICTIONARY_EDIT_DISTANCE:
            _edits(delete, edit_distance, delete_words, current_distance=i)
    return delete_words


def _edits_prefix(key: str) -> set[str]:
    """``SymSpell._edits_prefix``: the delete strings a word is listed under."""
    hash_set: set[str] = set()
    if len(key) <= DICTIONARY_EDIT_DISTANCE:
        hash_set.add("")
    if len(key) > PREFIX_LENGTH:
        key = key[:PREFIX_LENGTH]
    hash_set.add(key)
    return _edits(key, 0, hash_set)


def tiny_lookup(
    phrase: str, members: list[str], counts: Mapping[str, int], distances: Mapping[str, int], max_length: int, max_edit_distance: int, closest: bool
) -> list[tuple[str, int, int]]:
    """``SymSpell.lookup(phrase, Verbosity.CLOSEST if closest else Verbosity.ALL,
    max_edit_distance)`` as (term, distance, count), on a ``SymSpell(2, 7)`` to which
    ``create_dictionary_entry(w, counts[w])`` added each of ``members`` in that order and whose
    ``_max_length`` was then set to ``max_length``. ``distances`` gives the OSA distance from
    ``phrase`` of every member other than ``phrase``: symspellpy's comparer would compute it."""
    # create_dictionary_entry: a count below the threshold (1) adds nothing; each new word is
    # appended to the list of each of its delete strings
    words: dict[str, int] = {}
    deletes: dict[str, list[str]] = {}
    for key in members:
        count = counts[key]
        if count <= 0 or key in words:  # pragma: no cover - the lexicon's counts are positive, members distinct
            continue
        words[key] = count
        for delete in _edits_prefix(key):
            deletes.setdefault(delete, []).append(key)

    if max_edit_distance > DICTIONARY_EDIT_DISTANCE:
        raise ValueError("distance too large")
    suggestions: list[tuple[str, int, int]] = []
    phrase_len = len(phrase)
    if phrase_len - max_edit_distance > max_length:
        return suggestions
    if phrase in words:
        suggestions.append((phrase, 0, words[phrase]))
        if closest:
            return suggestions
    if max_edit_distance == 0:
        return suggestions
    considered_deletes: set[str] = set()
    considered_suggestions = {phrase}
    max_edit_distance_2 = max_edit_distance
    candidate_pointer = 0
    candidates: list[str] = []
    phrase_prefix_len = phrase_len
    if phrase_prefix_len > PREFIX_LENGTH:
        phrase_prefix_len = PREFIX_LENGTH
        candidates.append(phrase[:phrase_prefix_len])
    else:
        candidates.append(phrase)
    while candidate_pointer < len(candidates):
        candidate = candidates[candidate_pointer]
        candidate_pointer += 1
        candidate_len = len(candidate)
        len_diff = phrase_prefix_len - candidate_len
        if len_diff > max_edit_distance_2:
            if not closest:
                continue
            break
        if candidate in deletes:
            for suggestion in deletes[candidate]:
                if suggestion == phrase:
                    continue
                suggestion_len = len(suggestion)
                if (
                    abs(suggestion_len - phrase_len) > max_edit_distance_2
                    or suggestion_len < candidate_len
                    or (suggestion_len == candidate_len and suggestion != candidate)
                ):
                    continue
                suggestion_prefix_len = min(suggestion_len, PREFIX_LENGTH)
                if suggestion_prefix_len > phrase_prefix_len and suggestion_prefix_len - candidate_len > max_edit_distance_2:
                    continue
                distance = 0
                min_distance = 0
                if candidate_len == 0:
                    distance = max(phrase_len, suggestion_len)
                    if distance > max_edit_distance_2 or suggestion in considered_suggestions:
                        continue
                elif suggestion_len == 1:
                    distance = phrase_len if phrase.index(suggestion[0]) < 0 else phrase_len - 1
                    if distance > max_edit_distance_2 or suggestion in considered_suggestions:  # pragma: no cover
                        continue
                else:
                    if PREFIX_LENGTH - max_edit_distance == candidate_len:
                        min_distance = min(phrase_len, suggestion_len) - PREFIX_LENGTH
                    else:
                        min_distance = 0
                    if (
                        PREFIX_LENGTH - max_edit_distance == candidate_len
                        and (min_distance > 1 and phrase[phrase_len + 1 - min_distance :] != suggestion[suggestion_len + 1 - min_distance :])
                        or (
                            min_distance > 0
                            and phrase[phrase_len - min_distance] != suggestion[suggestion_len - min_distance]
                            and (
                                phrase[phrase_len - min_distance - 1] != suggestion[suggestion_len - min_distance]
                                or phrase[phrase_len - min_distance] != suggestion[suggestion_len - min_distance - 1]
                            )
                        )
                    ):
                        continue
                    if suggestion in considered_suggestions:
                        continue
                    considered_suggestions.add(suggestion)
                    # the comparer: the distance, or -1 past max_edit_distance_2
                    distance = distances[suggestion]
                    if distance > max_edit_distance_2:
                        continue
                if distance <= max_edit_distance_2:  # pragma: no branch
                    item = (suggestion, distance, words[suggestion])
                    if suggestions and closest and distance < max_edit_distance_2:
                        suggestions = []
                    if closest:
                        max_edit_distance_2 = distance
                    suggestions.append(item)
        if len_diff < max_edit_distance and candidate_len <= PREFIX_LENGTH:
            if closest and len_diff >= max_edit_distance_2:
                continue
            for i in range(candidate_len):
                delete = candidate[:i] + candidate[i + 1 :]
                if delete not in considered_deletes:
                    considered_deletes.add(delete)
                    candidates.append(delete)
    if len(suggestions) > 1:
        # SuggestItem's order: distance, then count descending (a stable sort)
        suggestions.sort(key=lambda s: (s[1], -s[2]))
    return suggestions


def word_segmentation(phrase: str, words: Mapping[str, int], max_length: int) -> Composition:
    """``SymSpell.word_segmentation(phrase, max_edit_distance=0)`` on a SymSpell whose
    ``_words`` is ``words`` and whose ``_max_length`` is ``max_length``."""
    phrase = unicodedata.normalize("NFKC", phrase).replace("\u002d", "")
    if not phrase:
        return Composition()
    max_segmentation_word_length = max_length
    array_size = min(max_segmentation_word_length, len(phrase))
    compositions = [Composition()] * array_size
    circular_index = cycle(range(array_size))
    idx = -1
    for j in range(len(phrase)):
        imax = min(len(phrase) - j, max_segmentation_word_length)
        for i in range(1, imax + 1):
            part = phrase[j : j + i]
            separator_len = 0
            top_ed = 0
            top_log_prob = 0.0
            top_result = ""
            if part[0].isspace():
                part = part[1:]
            else:
                separator_len = 1
            top_ed += len(part)
            part = part.replace(" ", "")
            top_ed -= len(part)
            # lookup(part.lower(), Verbosity.TOP, 0): the word itself or nothing
            low = part.lower()
            if len(low) <= max_length and low in words:
                top_result = low
                if len(part) > 0 and part[0].isupper():
                    top_result = top_result.capitalize()
                top_log_prob = math.log10(float(words[low]) / float(N))
            else:
                top_result = part
                top_ed += len(part)
                top_log_prob = math.log10(10.0 / N / 10.0 ** len(part))
            dest = (i + idx) % array_size
            if j == 0:
                compositions[dest] = Composition(part, top_result, top_ed, top_log_prob)
            elif (
                i == max_segmentation_word_length
                or (
                    compositions[dest].distance_sum
                    in (compositions[idx].distance_sum + top_ed, compositions[idx].distance_sum + separator_len + top_ed)
                    and compositions[dest].log_prob_sum < compositions[idx].log_prob_sum + top_log_prob
                )
                or compositions[idx].distance_sum + separator_len + top_ed < compositions[dest].distance_sum
            ):
                if (len(top_result) == 1 and top_result[0] in _PUNCTUATION) or (len(top_result) == 2 and top_result.startswith("'")):
                    compositions[dest] = _create(compositions[idx], part, top_result, top_ed, top_log_prob)
                else:
                    compositions[dest] = _create(compositions[idx], f" {part}", f" {top_result}", separator_len + top_ed, top_log_prob)
        idx = next(circular_index)
    return compositions[idx]
