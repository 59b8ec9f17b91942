"""Word output: the zwaarwegend advies and the notulen, in the RET's house style."""
