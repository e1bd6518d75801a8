// Type declarations for the exact modules imported from packages that ship none for them.
declare module 'natural/lib/natural/stemmers/porter_stemmer_sv' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_it' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'snowball-stemmers' {
  const snowball: { newStemmer(language: string): { stem(word: string): string }; algorithms(): string[] };
  export default snowball;
}
