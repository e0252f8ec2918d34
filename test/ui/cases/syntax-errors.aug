// Three independent syntax errors; the parser recovers and reports each one.
pipeline "syntax" {
  seed = 
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1 @)
  method typo = keyboard_typo(aug_char_p = 0.05)
  output "out\q" { format = jsonl }
}
