// Your own programs as methods: a Python script that swaps adjacent words with the seed augc
// gives it (it reads and writes the exchange files), and a shell filter that upper-cases a column
// (`io = stdio`: rows on stdin, rows on stdout). docs/methods.md describes the protocol.
// Run it: node bin/augc.js run examples/own-command.aug --output out/own-command
pipeline "own-command" {
  seed = 11

  input "data/clinical-sentences.csv" {
    format = csv
    id = "sentence_id"
    text = ["sentence_text"]
    keep = ["DSM5_symptom", "status"]
  }

  // Paths are relative to this file: `tools/swap_words.py` names examples/tools/swap_words.py
  // wherever augc runs from, and on every target.
  method swap = command("python3 tools/swap_words.py --seed {seed}")
  method shout = command("tools/upper_column.sh sentence_text") {
    io = stdio
  }

  combos {
    up_to = 2
  }
  variants = 2
  quality {
    measure = levenshtein
    min = 0
    max = 1
  }
  chunk {
    count = 2
  }
  resources {
    cpus = 1
    memory = 512MiB
    walltime = 5m
  }

  output "out/own-command" {
    format = csv
  }

  target local {}
}
