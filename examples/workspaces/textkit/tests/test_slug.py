import unittest

from textkit.slug import slugify


class SlugifyTest(unittest.TestCase):

    def test_joins_lower_case_words_with_hyphens(self):
        self.assertEqual(slugify("Hello World"), "hello-world")


if __name__ == "__main__":
    unittest.main()
