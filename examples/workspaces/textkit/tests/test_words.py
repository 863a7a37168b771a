import unittest

from textkit.words import word_count


class WordCountTest(unittest.TestCase):

    def test_counts_words(self):
        self.assertEqual(word_count("one two  three"), 3)


if __name__ == "__main__":
    unittest.main()
