// Korean particles that depend on the word before them: 을/를, 이/가, 은/는, (이)어야... A word
// ending in a consonant (받침) takes the first form. Digits and Latin letters are read aloud the
// Korean way ("11" is 십일, ending in ㄹ; "L" is 엘).

/** Digits 0-9 read in Korean: which end in a consonant (영 일 삼 육 칠 팔 do). */
const DIGIT_FINAL = [true, true, false, true, false, false, true, true, true, false]
/** Latin letters whose Korean names end in a consonant (엘 엠 엔 알). */
const LETTER_FINAL = new Set(['l', 'm', 'n', 'r'])

/** Digits read in Korean that end in ㄹ (일 칠 팔), and Latin letters whose names do (엘 알). */
const DIGIT_RIEUL = new Set(['1', '7', '8'])
const LETTER_RIEUL = new Set(['l', 'r'])

/** The last letter or digit that is read aloud: closing quotes, brackets and dots are not. */
const lastSound = (word: string): string => [...word.replace(/[^\p{L}\p{N}]+$/u, '')].pop() ?? ''

export function endsInConsonant(word: string): boolean {
  const ch = lastSound(word)
  const code = ch.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0
  if (ch >= '0' && ch <= '9') return DIGIT_FINAL[Number(ch)]
  return LETTER_FINAL.has(ch.toLowerCase())
}

/** Ends in ㄹ: (으)로 then takes 로, as after a vowel (서울로, 1로). */
function endsInRieul(word: string): boolean {
  const ch = lastSound(word)
  const code = ch.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 === 8
  return DIGIT_RIEUL.has(ch) || LETTER_RIEUL.has(ch.toLowerCase())
}

/** `word` followed by the particle form its last sound calls for. */
export function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  if (afterConsonant === '으로' && endsInRieul(word)) return word + afterVowel
  return word + (endsInConsonant(word) ? afterConsonant : afterVowel)
}
