include "fragments/methods.aug"
pipeline "duplicate-across-include" {
  input "data.csv" { text = ["text"] }
  method typo = keyboard_typo(aug_char_p = 0.05)
  output "out" { format = jsonl }
}
