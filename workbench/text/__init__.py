"""Text analysis shared by the aligner, the checks and the front ends: quantities in Chinese and English
(quantity*.py), datelines, pinyin, paragraphs, Latin-script words (tokens), the Han and CJK ranges
(scripts), abbreviations and pair numbers as people type them (pair_numbers)."""
