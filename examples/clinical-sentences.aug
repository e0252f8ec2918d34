// A sweep of text augmentations over clinical sentences labelled with DSM-5 symptoms.
// Run it: node bin/augc.js run examples/clinical-sentences.aug --output out/clinical
pipeline "clinical-sentences" {
  seed = 42

  input "data/clinical-sentences.csv" {
    format = csv
    id = "sentence_id"
    text = ["sentence_text"]
    label = "status"
    keep = ["DSM5_symptom"]
    // Negations and criterion words carry the label: never alter them.
    protect_keywords = ["not", "no", "never", "sleep", "tired", "worthless", "hopeless", "suicide"]
  }

  method syn = wordnet_synonym(aug_p = 0.1, aug_max = 3)
  method typo = keyboard_typo(aug_char_p = 0.1, aug_word_max = 2)
  method spell = spelling(aug_p = 0.1, aug_max = 2)
  method swap = random_word(action = swap, aug_p = 0.1, aug_max = 2)

  // Singletons and pairs, but never two typo generators together.
  combos {
    up_to = 2
    exclude = [typo + spell]
  }
  variants = 2
  quality {
    measure = chrf
    min = 0.55
    max = 0.95
  }
  chunk {
    rows = 20
  }

  resources {
    cpus = 1
    memory = 1GiB
    walltime = 10m
  }
  retry {
    attempts = 2
    on = [preempted, node_fail, timeout]
  }

  output "out/clinical-sentences" {
    format = csv
  }

  target local {}
  target slurm {
    partition = "debug"
  }

  profile big {
    variants = 4
    chunk {
      count = 4
    }
  }
}
