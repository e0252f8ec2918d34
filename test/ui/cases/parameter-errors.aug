pipeline "params" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = "lots", aug_mx = 10)
  method typo = keyboard_typo(aug_char_p = 1.5)
  variants = 0
  output "out" { format = jsonl }
}
