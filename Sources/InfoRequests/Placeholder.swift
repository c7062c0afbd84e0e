import InfoTheory
