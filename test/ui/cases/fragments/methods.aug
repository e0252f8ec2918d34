// A fragment spliced into duplicate-across-include.aug (not a UI case itself).
method typo = keyboard_typo(aug_char_p = 0.1)
