pipeline "duplicate" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  method typo = keyboard_typo(aug_char_p = 0.05)
  method syn = spelling(aug_p = 0.1)
  output "out" { format = jsonl }
}
