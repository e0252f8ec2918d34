pipeline "explosion" {
  max_tasks = 100
  input "data.csv" { text = ["text"] }
  method syn   = wordnet_synonym(aug_p = 0.1)
  method typo  = keyboard_typo(aug_char_p = 0.05)
  method spell = spelling(aug_p = 0.1)
  combos { all = true }
  chunk { count = 16 }
  variants = 2
  output "out" { format = jsonl }
}
