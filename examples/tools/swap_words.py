"""Swaps one pair of adjacent words in each text: an augc `command` method in files mode.

augc names a JSONL file of rows in $AUGC_INPUT, one JSON object a line with `augc_row`,
`augc_variant`, the id column and the text columns, and expects $AUGC_OUTPUT to hold one JSON
object per input line, in the same order, with the new text of each column in $AUGC_TEXT_COLUMNS.
The seed comes as `--seed {seed}` (it is in $AUGC_SEED too). See docs/methods.md.
"""

import argparse
import json
import os
import random
import sys


def swap_adjacent(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 2:
        return text
    i = rng.randrange(len(words) - 1)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    seed = parser.parse_args().seed
    columns = json.loads(os.environ["AUGC_TEXT_COLUMNS"])
    with open(os.environ["AUGC_INPUT"], encoding="utf-8") as rows, open(
        os.environ["AUGC_OUTPUT"], "w", encoding="utf-8"
    ) as out:
        for line in rows:
            row = json.loads(line)
            # One stream per (row, variant): a row's output does not depend on its neighbours.
            rng = random.Random(f"{seed}:{row['augc_row']}:{row['augc_variant']}")
            for column in columns:
                row[column] = swap_adjacent(row[column], rng)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            # Whole lines as they are done: augc counts them to show the task's progress.
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
