global using TextLens.Corpus;
