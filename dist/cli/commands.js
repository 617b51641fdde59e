import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 214:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.A = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(471)
const cmp = __nccwpck_require__(646)
const debug = __nccwpck_require__(159)
const SemVer = __nccwpck_require__(163)
const Range = __nccwpck_require__(782)


/***/ }),

/***/ 782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(379)
const debug = __nccwpck_require__(159)
const SemVer = __nccwpck_require__(163)
const trimComparatorWhitespace = __nccwpck_require__(737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(101)
const { safeRe: re, t } = __nccwpck_require__(471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 799:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(353)
const clean = (version, options) => {
  const s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}
module.exports = clean


/***/ }),

/***/ 646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(82)
const neq = __nccwpck_require__(974)
const gt = __nccwpck_require__(599)
const gte = __nccwpck_require__(236)
const lt = __nccwpck_require__(491)
const lte = __nccwpck_require__(717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 385:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const parse = __nccwpck_require__(353)
const { safeRe: re, t } = __nccwpck_require__(471)

const coerce = (version, options) => {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version === 'number') {
    version = String(version)
  }

  if (typeof version !== 'string') {
    return null
  }

  options = options || {}

  let match = null
  if (!options.rtl) {
    match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE])
  } else {
    // Find the right-most coercible string that does not share
    // a terminus with a more left-ward coercible string.
    // Eg, '1.2.3.4' wants to coerce '2.3.4', not '3.4' or '4'
    // With includePrerelease option set, '1.2.3.4-rc' wants to coerce '2.3.4-rc', not '2.3.4'
    //
    // Walk through the string checking with a /g regexp
    // Manually set the index so as to pick up overlapping matches.
    // Stop when we get a match that ends at the string end, since no
    // coercible string can be more right-ward without the same terminus.
    const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL]
    let next
    while ((next = coerceRtlRegex.exec(version)) &&
        (!match || match.index + match[0].length !== version.length)
    ) {
      if (!match ||
            next.index + next[0].length !== match.index + match[0].length) {
        match = next
      }
      coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length
    }
    // leave it in a clean state
    coerceRtlRegex.lastIndex = -1
  }

  if (match === null) {
    return null
  }

  const major = match[2]
  const minor = match[3] || '0'
  const patch = match[4] || '0'
  const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : ''
  const build = options.includePrerelease && match[6] ? `+${match[6]}` : ''

  return parse(`${major}.${minor}.${patch}${prerelease}${build}`, options)
}
module.exports = coerce


/***/ }),

/***/ 648:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const compareBuild = (a, b, loose) => {
  const versionA = new SemVer(a, loose)
  const versionB = new SemVer(b, loose)
  return versionA.compare(versionB) || versionA.compareBuild(versionB)
}
module.exports = compareBuild


/***/ }),

/***/ 874:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const compareLoose = (a, b) => compare(a, b, true)
module.exports = compareLoose


/***/ }),

/***/ 469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 711:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(353)

const diff = (version1, version2) => {
  const v1 = parse(version1, null, true)
  const v2 = parse(version2, null, true)
  const comparison = v1.compare(v2)

  if (comparison === 0) {
    return null
  }

  const v1Higher = comparison > 0
  const highVersion = v1Higher ? v1 : v2
  const lowVersion = v1Higher ? v2 : v1
  const highHasPre = !!highVersion.prerelease.length
  const lowHasPre = !!lowVersion.prerelease.length

  if (lowHasPre && !highHasPre) {
    // Going from prerelease -> no prerelease requires some special casing

    // If the low version has only a major, then it will always be a major
    // Some examples:
    // 1.0.0-1 -> 1.0.0
    // 1.0.0-1 -> 1.1.1
    // 1.0.0-1 -> 2.0.0
    if (!lowVersion.patch && !lowVersion.minor) {
      return 'major'
    }

    // If the main part has no difference
    if (lowVersion.compareMain(highVersion) === 0) {
      if (lowVersion.minor && !lowVersion.patch) {
        return 'minor'
      }
      return 'patch'
    }
  }

  // add the `pre` prefix if we are going to a prerelease version
  const prefix = highHasPre ? 'pre' : ''

  if (v1.major !== v2.major) {
    return prefix + 'major'
  }

  if (v1.minor !== v2.minor) {
    return prefix + 'minor'
  }

  if (v1.patch !== v2.patch) {
    return prefix + 'patch'
  }

  // high and low are prereleases
  return 'prerelease'
}

module.exports = diff


/***/ }),

/***/ 82:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 338:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)

const inc = (version, release, options, identifier, identifierBase) => {
  if (typeof (options) === 'string') {
    identifierBase = identifier
    identifier = options
    options = undefined
  }

  try {
    return new SemVer(
      version instanceof SemVer ? version.version : version,
      options
    ).inc(release, identifier, identifierBase).version
  } catch (er) {
    return null
  }
}
module.exports = inc


/***/ }),

/***/ 491:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 511:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const major = (a, loose) => new SemVer(a, loose).major
module.exports = major


/***/ }),

/***/ 603:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const minor = (a, loose) => new SemVer(a, loose).minor
module.exports = minor


/***/ }),

/***/ 974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 353:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const parse = (version, options, throwErrors = false) => {
  if (version instanceof SemVer) {
    return version
  }
  try {
    return new SemVer(version, options)
  } catch (er) {
    if (!throwErrors) {
      return null
    }
    throw er
  }
}

module.exports = parse


/***/ }),

/***/ 756:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const patch = (a, loose) => new SemVer(a, loose).patch
module.exports = patch


/***/ }),

/***/ 714:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(353)
const prerelease = (version, options) => {
  const parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}
module.exports = prerelease


/***/ }),

/***/ 173:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(469)
const rcompare = (a, b, loose) => compare(b, a, loose)
module.exports = rcompare


/***/ }),

/***/ 192:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(648)
const rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose))
module.exports = rsort


/***/ }),

/***/ 11:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compareBuild = __nccwpck_require__(648)
const sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose))
module.exports = sort


/***/ }),

/***/ 114:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(353)
const constants = __nccwpck_require__(101)
const SemVer = __nccwpck_require__(163)

const truncate = (version, truncation, options) => {
  if (!constants.RELEASE_TYPES.includes(truncation)) {
    return null
  }

  const clonedVersion = cloneInputVersion(version, options)
  return clonedVersion && doTruncation(clonedVersion, truncation)
}

const cloneInputVersion = (version, options) => {
  const versionStringToParse = (
    version instanceof SemVer ? version.version : version
  )

  return parse(versionStringToParse, options)
}

const doTruncation = (version, truncation) => {
  if (isPrerelease(truncation)) {
    return version.version
  }

  version.prerelease = []

  switch (truncation) {
    case 'major':
      version.minor = 0
      version.patch = 0
      break
    case 'minor':
      version.patch = 0
      break
  }

  return version.format()
}

const isPrerelease = (type) => {
  return type.startsWith('pre')
}

module.exports = truncate


/***/ }),

/***/ 780:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const parse = __nccwpck_require__(353)
const valid = (version, options) => {
  const v = parse(version, options)
  return v ? v.version : null
}
module.exports = valid


/***/ }),

/***/ 88:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// just pre-load all the stuff that index.js lazily exports
const internalRe = __nccwpck_require__(471)
const constants = __nccwpck_require__(101)
const SemVer = __nccwpck_require__(163)
const identifiers = __nccwpck_require__(348)
const parse = __nccwpck_require__(353)
const valid = __nccwpck_require__(780)
const clean = __nccwpck_require__(799)
const inc = __nccwpck_require__(338)
const diff = __nccwpck_require__(711)
const major = __nccwpck_require__(511)
const minor = __nccwpck_require__(603)
const patch = __nccwpck_require__(756)
const prerelease = __nccwpck_require__(714)
const compare = __nccwpck_require__(469)
const rcompare = __nccwpck_require__(173)
const compareLoose = __nccwpck_require__(874)
const compareBuild = __nccwpck_require__(648)
const sort = __nccwpck_require__(872)
const rsort = __nccwpck_require__(192)
const gt = __nccwpck_require__(599)
const lt = __nccwpck_require__(491)
const eq = __nccwpck_require__(82)
const neq = __nccwpck_require__(974)
const gte = __nccwpck_require__(236)
const lte = __nccwpck_require__(717)
const cmp = __nccwpck_require__(646)
const coerce = __nccwpck_require__(385)
const truncate = __nccwpck_require__(114)
const Comparator = __nccwpck_require__(379)
const Range = __nccwpck_require__(782)
const satisfies = __nccwpck_require__(11)
const toComparators = __nccwpck_require__(750)
const maxSatisfying = __nccwpck_require__(193)
const minSatisfying = __nccwpck_require__(595)
const minVersion = __nccwpck_require__(866)
const validRange = __nccwpck_require__(118)
const outside = __nccwpck_require__(280)
const gtr = __nccwpck_require__(276)
const ltr = __nccwpck_require__(213)
const intersects = __nccwpck_require__(465)
const simplifyRange = __nccwpck_require__(28)
const subset = __nccwpck_require__(489)
module.exports = {
  parse,
  valid,
  clean,
  inc,
  diff,
  major,
  minor,
  patch,
  prerelease,
  compare,
  rcompare,
  compareLoose,
  compareBuild,
  sort,
  rsort,
  gt,
  lt,
  eq,
  neq,
  gte,
  lte,
  cmp,
  coerce,
  truncate,
  Comparator,
  Range,
  satisfies,
  toComparators,
  maxSatisfying,
  minSatisfying,
  minVersion,
  validRange,
  outside,
  gtr,
  ltr,
  intersects,
  simplifyRange,
  subset,
  SemVer,
  re: internalRe.re,
  src: internalRe.src,
  tokens: internalRe.t,
  SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
  RELEASE_TYPES: constants.RELEASE_TYPES,
  compareIdentifiers: identifiers.compareIdentifiers,
  rcompareIdentifiers: identifiers.rcompareIdentifiers,
}


/***/ }),

/***/ 101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(101)
const debug = __nccwpck_require__(159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 276:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// Determine if version is greater than all the versions possible in the range.
const outside = __nccwpck_require__(280)
const gtr = (version, range, options) => outside(version, range, '>', options)
module.exports = gtr


/***/ }),

/***/ 465:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(782)
const intersects = (r1, r2, options) => {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2, options)
}
module.exports = intersects


/***/ }),

/***/ 213:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const outside = __nccwpck_require__(280)
// Determine if version is less than all the versions possible in the range
const ltr = (version, range, options) => outside(version, range, '<', options)
module.exports = ltr


/***/ }),

/***/ 193:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const Range = __nccwpck_require__(782)

const maxSatisfying = (versions, range, options) => {
  let max = null
  let maxSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}
module.exports = maxSatisfying


/***/ }),

/***/ 595:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const Range = __nccwpck_require__(782)
const minSatisfying = (versions, range, options) => {
  let min = null
  let minSV = null
  let rangeObj = null
  try {
    rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach((v) => {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}
module.exports = minSatisfying


/***/ }),

/***/ 866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const Range = __nccwpck_require__(782)
const gt = __nccwpck_require__(599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 280:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(163)
const Comparator = __nccwpck_require__(379)
const { ANY } = Comparator
const Range = __nccwpck_require__(782)
const satisfies = __nccwpck_require__(11)
const gt = __nccwpck_require__(599)
const lt = __nccwpck_require__(491)
const lte = __nccwpck_require__(717)
const gte = __nccwpck_require__(236)

const outside = (version, range, hilo, options) => {
  version = new SemVer(version, options)
  range = new Range(range, options)

  let gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisfies the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let high = null
    let low = null

    comparators.forEach((comparator) => {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

module.exports = outside


/***/ }),

/***/ 28:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



// given a set of versions and a range, create a "simplified" range
// that includes the same versions that the original range does
// If the original range is shorter than the simplified one, return that.
const satisfies = __nccwpck_require__(11)
const compare = __nccwpck_require__(469)
module.exports = (versions, range, options) => {
  const set = []
  let first = null
  let prev = null
  const v = versions.sort((a, b) => compare(a, b, options))
  for (const version of v) {
    const included = satisfies(version, range, options)
    if (included) {
      prev = version
      if (!first) {
        first = version
      }
    } else {
      if (prev) {
        set.push([first, prev])
      }
      prev = null
      first = null
    }
  }
  if (first) {
    set.push([first, null])
  }

  const ranges = []
  for (const [min, max] of set) {
    if (min === max) {
      ranges.push(min)
    } else if (!max && min === v[0]) {
      ranges.push('*')
    } else if (!max) {
      ranges.push(`>=${min}`)
    } else if (min === v[0]) {
      ranges.push(`<=${max}`)
    } else {
      ranges.push(`${min} - ${max}`)
    }
  }
  const simplified = ranges.join(' || ')
  const original = typeof range.raw === 'string' ? range.raw : String(range)
  return simplified.length < original.length ? simplified : range
}


/***/ }),

/***/ 489:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(782)
const Comparator = __nccwpck_require__(379)
const { ANY } = Comparator
const satisfies = __nccwpck_require__(11)
const compare = __nccwpck_require__(469)

// Complex range `r1 || r2 || ...` is a subset of `R1 || R2 || ...` iff:
// - Every simple range `r1, r2, ...` is a null set, OR
// - Every simple range `r1, r2, ...` which is not a null set is a subset of
//   some `R1, R2, ...`
//
// Simple range `c1 c2 ...` is a subset of simple range `C1 C2 ...` iff:
// - If c is only the ANY comparator
//   - If C is only the ANY comparator, return true
//   - Else if in prerelease mode, return false
//   - else replace c with `[>=0.0.0]`
// - If C is only the ANY comparator
//   - if in prerelease mode, return true
//   - else replace C with `[>=0.0.0]`
// - Let EQ be the set of = comparators in c
// - If EQ is more than one, return true (null set)
// - Let GT be the highest > or >= comparator in c
// - Let LT be the lowest < or <= comparator in c
// - If GT and LT, and GT.semver > LT.semver, return true (null set)
// - If any C is a = range, and GT or LT are set, return false
// - If EQ
//   - If GT, and EQ does not satisfy GT, return true (null set)
//   - If LT, and EQ does not satisfy LT, return true (null set)
//   - If EQ satisfies every C, return true
//   - Else return false
// - If GT
//   - If GT.semver is lower than any > or >= comp in C, return false
//   - If GT is >=, and GT.semver does not satisfy every C, return false
//   - If GT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the GT.semver tuple, return false
// - If LT
//   - If LT.semver is greater than any < or <= comp in C, return false
//   - If LT is <=, and LT.semver does not satisfy every C, return false
//   - If LT.semver has a prerelease, and not in prerelease mode
//     - If no C has a prerelease and the LT.semver tuple, return false
// - Else return true

const subset = (sub, dom, options = {}) => {
  if (sub === dom) {
    return true
  }

  sub = new Range(sub, options)
  dom = new Range(dom, options)
  let sawNonNull = false

  OUTER: for (const simpleSub of sub.set) {
    for (const simpleDom of dom.set) {
      const isSub = simpleSubset(simpleSub, simpleDom, options)
      sawNonNull = sawNonNull || isSub !== null
      if (isSub) {
        continue OUTER
      }
    }
    // the null set is a subset of everything, but null simple ranges in
    // a complex range should be ignored.  so if we saw a non-null range,
    // then we know this isn't a subset, but if EVERY simple range was null,
    // then it is a subset.
    if (sawNonNull) {
      return false
    }
  }
  return true
}

const minimumVersionWithPreRelease = [new Comparator('>=0.0.0-0')]
const minimumVersion = [new Comparator('>=0.0.0')]

const simpleSubset = (sub, dom, options) => {
  if (sub === dom) {
    return true
  }

  if (sub.length === 1 && sub[0].semver === ANY) {
    if (dom.length === 1 && dom[0].semver === ANY) {
      return true
    } else if (options.includePrerelease) {
      sub = minimumVersionWithPreRelease
    } else {
      sub = minimumVersion
    }
  }

  if (dom.length === 1 && dom[0].semver === ANY) {
    if (options.includePrerelease) {
      return true
    } else {
      dom = minimumVersion
    }
  }

  const eqSet = new Set()
  let gt, lt
  for (const c of sub) {
    if (c.operator === '>' || c.operator === '>=') {
      gt = higherGT(gt, c, options)
    } else if (c.operator === '<' || c.operator === '<=') {
      lt = lowerLT(lt, c, options)
    } else {
      eqSet.add(c.semver)
    }
  }

  if (eqSet.size > 1) {
    return null
  }

  let gtltComp
  if (gt && lt) {
    gtltComp = compare(gt.semver, lt.semver, options)
    if (gtltComp > 0) {
      return null
    } else if (gtltComp === 0 && (gt.operator !== '>=' || lt.operator !== '<=')) {
      return null
    }
  }

  // will iterate one or zero times
  for (const eq of eqSet) {
    if (gt && !satisfies(eq, String(gt), options)) {
      return null
    }

    if (lt && !satisfies(eq, String(lt), options)) {
      return null
    }

    for (const c of dom) {
      if (!satisfies(eq, String(c), options)) {
        return false
      }
    }

    return true
  }

  let higher, lower
  let hasDomLT, hasDomGT
  // if the subset has a prerelease, we need a comparator in the superset
  // with the same tuple and a prerelease, or it's not a subset
  let needDomLTPre = lt &&
    !options.includePrerelease &&
    lt.semver.prerelease.length ? lt.semver : false
  let needDomGTPre = gt &&
    !options.includePrerelease &&
    gt.semver.prerelease.length ? gt.semver : false
  // exception: <1.2.3-0 is the same as <1.2.3
  if (needDomLTPre && needDomLTPre.prerelease.length === 1 &&
      lt.operator === '<' && needDomLTPre.prerelease[0] === 0) {
    needDomLTPre = false
  }

  for (const c of dom) {
    hasDomGT = hasDomGT || c.operator === '>' || c.operator === '>='
    hasDomLT = hasDomLT || c.operator === '<' || c.operator === '<='
    if (gt) {
      if (needDomGTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomGTPre.major &&
            c.semver.minor === needDomGTPre.minor &&
            c.semver.patch === needDomGTPre.patch) {
          needDomGTPre = false
        }
      }
      if (c.operator === '>' || c.operator === '>=') {
        higher = higherGT(gt, c, options)
        if (higher === c && higher !== gt) {
          return false
        }
      } else if (gt.operator === '>=' && !c.test(gt.semver)) {
        return false
      }
    }
    if (lt) {
      if (needDomLTPre) {
        if (c.semver.prerelease && c.semver.prerelease.length &&
            c.semver.major === needDomLTPre.major &&
            c.semver.minor === needDomLTPre.minor &&
            c.semver.patch === needDomLTPre.patch) {
          needDomLTPre = false
        }
      }
      if (c.operator === '<' || c.operator === '<=') {
        lower = lowerLT(lt, c, options)
        if (lower === c && lower !== lt) {
          return false
        }
      } else if (lt.operator === '<=' && !c.test(lt.semver)) {
        return false
      }
    }
    if (!c.operator && (lt || gt) && gtltComp !== 0) {
      return false
    }
  }

  // if there was a < or >, and nothing in the dom, then must be false
  // UNLESS it was limited by another range in the other direction.
  // Eg, >1.0.0 <1.0.1 is still a subset of <2.0.0
  if (gt && hasDomLT && !lt && gtltComp !== 0) {
    return false
  }

  if (lt && hasDomGT && !gt && gtltComp !== 0) {
    return false
  }

  // we needed a prerelease range in a specific tuple, but didn't get one
  // then this isn't a subset.  eg >=1.2.3-pre is not a subset of >=1.0.0,
  // because it includes prereleases in the 1.2.3 tuple
  if (needDomGTPre || needDomLTPre) {
    return false
  }

  return true
}

// >=1.2.3 is lower than >1.2.3
const higherGT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp > 0 ? a
    : comp < 0 ? b
    : b.operator === '>' && a.operator === '>=' ? b
    : a
}

// <=1.2.3 is higher than <1.2.3
const lowerLT = (a, b, options) => {
  if (!a) {
    return b
  }
  const comp = compare(a.semver, b.semver, options)
  return comp < 0 ? a
    : comp > 0 ? b
    : b.operator === '<' && a.operator === '<=' ? b
    : a
}

module.exports = subset


/***/ }),

/***/ 750:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(782)

// Mostly just for testing and legacy API reasons
const toComparators = (range, options) =>
  new Range(range, options).set
    .map(comp => comp.map(c => c.value).join(' ').trim().split(' '))

module.exports = toComparators


/***/ }),

/***/ 118:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ commandModules),
  l: () => (/* reexport */ invoke)
});

;// CONCATENATED MODULE: ./src/core/errors.ts
// Errors that end a run with a clear one-line message instead of a stack trace. Exit codes follow the CLI
// contract: 1 = policy violations, 2 = usage or configuration error, 3 = an operation failed (git, API, registry).
class UsageError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** The policy file is invalid; the message names the key. */
class ConfigError extends UsageError {
    key;
    constructor(message, key) {
        // One line, whatever the file held: the actions show the first line of an error.
        super(message.replace(/\r\n|\r|\n/g, '\\n'));
        this.key = key;
        this.name = 'ConfigError';
    }
}
/** An expected operational failure (git, GitHub API, registry) with a message meant for the user. */
class errors_OperationError extends Error {
    exitCode = 3;
    constructor(message, options) {
        super(message, options);
        this.name = 'OperationError';
    }
}
/** The plan could not be carried out as asked; nothing was written. Exit code 1, like policy violations. */
class RefusedError extends Error {
    refusals;
    exitCode = 1;
    constructor(message, refusals) {
        super(`${message}:\n${refusals.map((r) => `  - ${r.message}`).join('\n')}`);
        this.refusals = refusals;
        this.name = 'RefusedError';
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** 1 = refused by policy, 2 = usage or configuration, 3 = anything else that failed. */
function exitCodeOf(error) {
    const code = error?.exitCode;
    return typeof code === 'number' && code >= 1 && code <= 3 ? code : 3;
}

;// CONCATENATED MODULE: ./src/core/finding.ts
function findingJson(f) {
    return {
        rule: f.rule,
        severity: f.severity,
        package: f.package ?? null,
        version: f.version ?? null,
        path: f.path ?? null,
        line: f.line ?? null,
        message: f.message,
        count: f.count ?? 1,
        paths: f.paths ?? (f.path ? [f.path] : []),
        details: (f.details ?? []).map((d) => ({
            message: d.message,
            path: d.path ?? null,
            line: d.line ?? null,
        })),
        exception: f.exception ?? null,
    };
}
function isViolation(f) {
    return f.severity === 'error' || f.severity === 'warning';
}
function failed(findings) {
    return findings.some((f) => f.severity === 'error');
}

;// CONCATENATED MODULE: ./src/core/policy.ts
// The policy of a storage repository: its channels (most stable first), how versions may enter and leave each,
// the promotion edges, and how each rule reports. Built-in defaults are exactly the documented table.

const ruleIds = [
    'title-prefix',
    'layout',
    'forbidden-path',
    'manifest',
    'size',
    'overwrite',
    'removal',
    'version-increment',
    'shadowed',
    'not-promoted',
    'frozen',
    'marker',
    'registry-version',
    'github-files',
    'merge-conflict',
];
/** Rules the policy file's `rules:` may set. `merge-conflict` is not one: without a merge result nothing is checked. */
const configurableRuleIds = ruleIds.filter((id) => id !== 'merge-conflict');
/**
 * Rules an approved exception can lift (a policy-file entry or an approval of the change). Never the rules that mean
 * the registry would refuse or mis-serve the package (layout, forbidden-path, manifest, size), nor `marker`
 * (markers are never promoted) or `merge-conflict`.
 */
const exceptableRuleIds = (/* unused pure expression or super */ null && ([
    'overwrite',
    'removal',
    'version-increment',
    'not-promoted',
    'shadowed',
    'title-prefix',
    'frozen',
]));
function isExceptable(rule) {
    return exceptableRuleIds.includes(rule);
}
const defaultRuleSettings = {
    ...Object.fromEntries(ruleIds.map((id) => [id, 'error'])),
    // Informational by default: a served registry version changing, drift between channels, workflow files.
    'registry-version': 'warning',
    'github-files': 'notice',
};
function defaultPolicy() {
    return {
        packagesRoot: 'packages',
        channels: [
            {
                name: 'production',
                branch: 'production',
                arrival: 'promotion',
                overwrite: 'never',
                // Legal and security removals happen: an admin's approved exception allows one.
                removal: 'exception',
                versionIncrement: true,
                directCommits: false,
                markers: [],
                frozen: false,
                exceptionApprovers: 'admin',
                rules: {},
            },
            {
                name: 'staging',
                branch: 'staging',
                arrival: 'promotion',
                overwrite: 'exception',
                removal: 'exception',
                versionIncrement: false,
                directCommits: false,
                markers: ['staging'],
                frozen: false,
                exceptionApprovers: 'maintain',
                rules: {},
            },
            {
                name: 'snapshot',
                branch: 'snapshot',
                arrival: 'direct',
                overwrite: 'allow',
                removal: 'allow',
                versionIncrement: false,
                directCommits: true,
                markers: ['snapshot'],
                frozen: false,
                exceptionApprovers: 'maintain',
                rules: {},
            },
        ],
        promotions: [
            { from: 'snapshot', to: 'staging' },
            { from: 'staging', to: 'production' },
        ],
        identity: 'content',
        titlePrefix: '[{branch}]',
        exceptionLabel: 'policy-exception',
        forbiddenPaths: ['**/_*', '**/_*/**'],
        exceptions: [],
        rules: { ...defaultRuleSettings },
        limits: { manifestBytes: 1024 * 1024, fileBytes: 100 * 1024 * 1024, filesPerVersion: 20_000 },
        release: { allowOverwrite: false },
    };
}
/**
 * A channel whose branch is missing: the repository is not set up as its policy says, which a retry cannot fix
 * (exit 2, like every configuration error). Validate alone treats a missing branch as empty: it only compares.
 */
function missingBranchError(channel) {
    return new UsageError(`the ${channel.name} branch (${channel.branch}) does not exist: create it, or remove the channel from the policy file`);
}
function channelByName(policy, name) {
    return policy.channels.find((c) => c.name === name);
}
function channelByBranch(policy, branch) {
    return policy.channels.find((c) => c.branch === branch);
}
/** Channels more stable than `channel`, nearest first. */
function moreStable(policy, channel) {
    const index = policy.channels.indexOf(channel);
    return policy.channels.slice(0, Math.max(index, 0)).reverse();
}
/** Channels whose packages the distribution of `channel` serves: itself and every more stable one, most stable first. */
function servedChannels(policy, channel) {
    const index = policy.channels.indexOf(channel);
    return policy.channels.slice(0, index + 1);
}
/**
 * Channels whose distribution serves `channel`'s packages: itself and every less stable one, most stable first. A
 * change to `channel` changes what each of them serves.
 */
function channelsServing(policy, channel) {
    return policy.channels.slice(Math.max(policy.channels.indexOf(channel), 0));
}
/** Channels a version may be promoted into `channel` from. */
function promotionSources(policy, channel) {
    return policy.promotions
        .filter((edge) => edge.to === channel.name)
        .map((edge) => channelByName(policy, edge.from))
        .filter((c) => c !== undefined);
}
function ruleSetting(policy, channel, rule) {
    return channel?.rules[rule] ?? policy.rules[rule];
}
/** Every channel whose markers include `name`. */
function markerChannels(policy, name) {
    return policy.channels.filter((c) => c.markers.includes(name));
}
function titlePrefixFor(policy, branch) {
    // split/join, not replaceAll: a `$` in a branch name must not act as a replacement pattern.
    return policy.titlePrefix.split('{branch}').join(branch);
}

;// CONCATENATED MODULE: ./src/core/time.ts
// Times as RFC 3339 timestamps (UTC, whole seconds). RFC 3339 has four-digit years only: a commit date outside
// 0000..9999 (git takes any number, and anyone can write one into a commit) is clamped into that range, never
// written in JavaScript's extended-year form (`+010000-01-01T…`, not RFC 3339) and never a RangeError (past year
// 275,760 `Date` has no value at all).
/** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds. */
const rfc3339Range = { min: -62_167_219_200, max: 253_402_300_799 };
/** Unix seconds as `YYYY-MM-DDThh:mm:ssZ`, clamped into RFC 3339's years (an unreadable time is the earliest). */
function rfc3339(seconds) {
    const clamped = Number.isNaN(seconds)
        ? rfc3339Range.min
        : Math.min(rfc3339Range.max, Math.max(rfc3339Range.min, Math.floor(seconds)));
    const iso = new Date(clamped * 1000).toISOString();
    // toISOString writes years 0000..9999 with four digits and no sign: exactly RFC 3339's form.
    return iso.replace(/\.\d{3}Z$/, 'Z');
}
/** Whether Unix seconds lie outside what RFC 3339 can write (then `rfc3339` clamps them). */
function outsideRfc3339(seconds) {
    return !(seconds >= rfc3339Range.min && seconds <= rfc3339Range.max);
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/git/git.ts
// Runs git with an argument list (never a shell) and the environment a CI job needs: no prompts, no pager,
// no repository-configured helpers that could run code (fsmonitor), and C locale so messages can be matched.


const safetyConfig = [
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'protocol.file.allow=always',
];
function gitEnv(extra) {
    return {
        ...process.env,
        GIT_TERMINAL_PROMPT: '0',
        GIT_PAGER: 'cat',
        GIT_ASKPASS: '',
        SSH_ASKPASS: '',
        LC_ALL: 'C',
        GIT_OPTIONAL_LOCKS: '0',
        ...extra,
    };
}
function git_gitRaw(args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)('git', [...safetyConfig, ...args], {
            cwd: options.cwd,
            env: gitEnv(options.env),
            // No input: no pipe. Ending an empty pipe to a git that already exited raises EPIPE, and building that
            // error's stack loads the bundle's source map (tens of milliseconds per CLI run).
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        });
        const out = [];
        const err = [];
        const onStdout = options.onStdout;
        child.stdout.on('data', onStdout ?? ((chunk) => out.push(chunk)));
        child.stderr.on('data', (chunk) => err.push(chunk));
        child.on('error', (error) => reject(new errors_OperationError(`git could not be started: ${error.message}`, { cause: error })));
        child.on('close', (code) => {
            const result = {
                code: code ?? -1,
                stdout: Buffer.concat(out),
                stderr: Buffer.concat(err).toString('utf8'),
            };
            if (result.code === 0 || options.okCodes?.includes(result.code))
                resolve(result);
            else
                reject(new GitError(args, result));
        });
        if (child.stdin) {
            child.stdin.on('error', () => undefined); // git may exit before reading all input; the exit code tells
            child.stdin.end(options.input);
        }
    });
}
async function git(args, options) {
    return (await git_gitRaw(args, options)).stdout.toString('utf8');
}
class GitError extends errors_OperationError {
    args;
    result;
    constructor(args, result) {
        const detail = result.stderr
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l.length > 0 && !l.startsWith('hint:'))
            .slice(0, 3)
            .join(' / ');
        super(`git ${args
            .filter((a) => !a.startsWith('-c') && !a.includes('='))
            .slice(0, 2)
            .join(' ')} failed (exit ${result.code}): ${detail || 'no message'}`);
        this.args = args;
        this.result = result;
        this.name = 'GitError';
    }
}
async function revParse(cwd, rev) {
    const result = await git_gitRaw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
        cwd,
        okCodes: [1, 128],
    });
    return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
async function isGitRepository(cwd) {
    try {
        const result = await git_gitRaw(['rev-parse', '--git-dir'], { cwd, okCodes: [128] });
        return result.code === 0;
    }
    catch {
        return false;
    }
}
const emptyTreeId = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const zeroId = /^0+$/;
/** `refs/heads/<branch>` -> `<branch>`; undefined for any other ref (tags, pull refs). */
function branchOfRef(ref) {
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}

;// CONCATENATED MODULE: ./src/git/local.ts
// Resolving branches in a local clone, for the CLI (no fetching, no API).

/** `refs/heads/<branch>`, else `refs/remotes/origin/<branch>`. */
async function resolveBranch(repoDir, branch) {
    for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
        const sha = await revParse(repoDir, ref);
        if (sha)
            return { ref, sha };
    }
    return undefined;
}
async function isAncestor(repoDir, ancestor, descendant) {
    const result = await gitRaw(['merge-base', '--is-ancestor', ancestor, descendant], {
        cwd: repoDir,
        okCodes: [1, 128],
    });
    return result.code === 0;
}
/**
 * Every local and origin branch in one process (a process per lookup costs more than the lookups); undefined when
 * `repoDir` is not a git repository.
 */
async function readLocalRefs(repoDir) {
    const result = await git_gitRaw([
        'for-each-ref',
        '--format=%(refname)%00%(objectname)%00%(*objectname)%00%(symref)',
        'refs/heads/',
        'refs/remotes/origin/',
    ], { cwd: repoDir, okCodes: [128] }).catch(() => undefined);
    if (!result || result.code !== 0)
        return undefined;
    const commits = new Map();
    let originHead;
    for (const line of result.stdout.toString('utf8').split('\n')) {
        const [ref, oid, peeled, symref] = line.split('\0');
        if (!ref || !oid)
            continue;
        commits.set(ref, peeled || oid);
        if (ref === 'refs/remotes/origin/HEAD' && symref?.startsWith('refs/remotes/origin/'))
            originHead = symref.slice('refs/remotes/origin/'.length);
    }
    return { commits, ...(originHead ? { originHead } : {}) };
}
/** A branch's local tip: `refs/heads/<b>`, else `refs/remotes/origin/<b>`. */
function branchTip(refs, branch) {
    return refs.commits.get(`refs/heads/${branch}`) ?? refs.commits.get(`refs/remotes/origin/${branch}`);
}
/** The default branch: origin/HEAD, else a local or origin `main` or `master`. */
function defaultBranchOf(refs) {
    if (refs.originHead)
        return refs.originHead;
    return ['main', 'master'].find((candidate) => branchTip(refs, candidate) !== undefined);
}
/** Each channel branch's local tip (`refs/heads/<b>`, else `refs/remotes/origin/<b>`); undefined when absent. */
async function localBranchTips(repoDir, branches) {
    const refs = (await readLocalRefs(repoDir)) ?? { commits: new Map() };
    return new Map(branches.map((b) => [b, branchTip(refs, b)]));
}
/** The default branch of `origin` (origin/HEAD), or the local `main`/`master`. */
async function defaultBranch(repoDir) {
    const refs = await readLocalRefs(repoDir);
    return refs ? defaultBranchOf(refs) : undefined;
}

;// CONCATENATED MODULE: ./src/runner/sanitize.ts
// Untrusted text (PR titles, file names, manifest fields) must never become a workflow command or a terminal
// escape. The runner treats a line as a command when it starts with `::` after leading whitespace (and the
// legacy `##[` anywhere), so we keep untrusted text on one line and break both markers.
// Control characters, line and paragraph separators, and Unicode's bidirectional controls (they make text display
// reordered: a name in a log would read as another).
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g; // eslint-disable-line no-control-regex
/** One line of log text that cannot start a workflow command or carry terminal escapes. */
function safeLine(text) {
    const oneLine = text
        .replace(/\r\n|\r|\n/g, '\\n')
        .replace(/\t/g, ' ')
        .replace(controlChars, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        // `##[` anywhere and `::` anywhere (a later `%0A` or `\n` cannot bring it to a line start, but be strict).
        .replace(/#(?=#\[)/g, '#\u200b')
        .replace(/:(?=:)/g, ':\u200b');
    return oneLine;
}
/** Text for an HTML/Markdown job summary cell. */
function summaryText(text) {
    return safeLine(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/\|/g, '&#124;')
        .replace(/`/g, '&#96;')
        .replace(/\[/g, '&#91;');
}

;// CONCATENATED MODULE: ./src/core/change.ts
const modeSymlink = '120000';
const modeSubmodule = '160000';
const modeAbsent = '000000';
function holdingsOf(entries) {
    const holdings = new Map();
    for (const { name, version, tree } of entries) {
        let versions = holdings.get(name);
        if (!versions)
            holdings.set(name, (versions = new Map()));
        versions.set(version, tree);
    }
    return holdings;
}
function treeOf(holdings, name, version) {
    return holdings?.get(name)?.get(version);
}
/** Versions of `names` whose tree differs between `before` and `after`, sorted by name then version string. */
function versionChanges(names, before, after) {
    const changes = [];
    for (const name of [...new Set(names)].sort()) {
        const was = before.get(name) ?? new Map();
        const now = after.get(name) ?? new Map();
        const versions = [...new Set([...was.keys(), ...now.keys()])].sort();
        for (const version of versions) {
            const b = was.get(version);
            const a = now.get(version);
            if (b === a)
                continue;
            const kind = b === undefined ? 'added' : a === undefined ? 'removed' : 'modified';
            changes.push({ name, version, kind, ...(b ? { before: b } : {}), ...(a ? { after: a } : {}) });
        }
    }
    return changes;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/identity.ts
// The content identity of a package version. The registry serves the bytes at each path, so two copies of a version
// are the same when every path holds the same blob; the executable bit (git mode 100755 vs 100644) is not content.
// The identity is a digest over the sorted (path, blob id) pairs: equal git trees give equal identities, and trees
// that differ only in file modes do too.

/** `sha256:<hex>` over `<path>\0<blob>\n` lines sorted by the paths' UTF-8 bytes. */
function contentIdentity(files) {
    const lines = [...files].map((f) => Buffer.from(`${f.path}\0${f.blob}\n`, 'utf8'));
    lines.sort((x, y) => Buffer.compare(x, y));
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    for (const line of lines)
        hash.update(line);
    return `sha256:${hash.digest('hex')}`;
}
/**
 * Whether two version trees hold the same content: equal tree ids, or equal content identities. A tree without a
 * known identity (too many files to read, or `identity: tree`) is only equal to itself.
 */
function sameContent(identities, a, b) {
    if (a === undefined || b === undefined)
        return false;
    if (a === b)
        return true;
    const x = identities?.get(a);
    return x !== undefined && x === identities?.get(b);
}
/** Same content in different trees: the copies differ only in file modes. */
function modesOnly(identities, a, b) {
    return a !== b && sameContent(identities, a, b);
}

;// CONCATENATED MODULE: ./src/core/image-plan.ts
// What a channel's distribution image holds, as a pure plan: the packages of the channel and of every more stable
// one, split into layers by a stable hash of name/version, so adding or changing one version touches one small
// layer, and the layers of a channel are the same blobs in every image that includes it. Hashing the version too
// (not only the name) keeps layers even: a package with hundreds of versions would otherwise make one huge layer,
// and each of its releases would re-upload it (measured: 13% of production instead of ~3%).


/** Layers per channel unless the policy sets `image-layers`: more for the big, stable channels. */
function layerCount(policy, channel) {
    if (channel.imageLayers !== undefined)
        return channel.imageLayers;
    const defaults = { production: 32, staging: 8, snapshot: 16 };
    return defaults[channel.name] ?? 16;
}
/** Stable bucket of a package version: the same on every machine and run, whatever else is in the channel. */
function bucketOf(name, version, buckets) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(`${name}/${version}`).digest().readUInt32BE(0) % buckets;
}
function packagePath(channel) {
    return `/packages/${channel}`;
}
function layerSource(channel, bucket, buckets, versions) {
    const lines = versions
        .map((v) => `${v.name}\t${v.version}\t${v.tree}\n`)
        .sort()
        .join('');
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(lines).digest('hex');
    return `packages/${channel}#${bucket}/${buckets}@sha256:${digest}`;
}
function planChannelLayers(policy, content) {
    const buckets = layerCount(policy, content.channel);
    const groups = new Map();
    for (const v of content.versions) {
        const b = bucketOf(v.name, v.version, buckets);
        groups.set(b, [...(groups.get(b) ?? []), v]);
    }
    return [...groups.entries()]
        .sort(([a], [b]) => a - b)
        .map(([bucket, versions]) => ({
        channel: content.channel.name,
        bucket,
        buckets,
        source: layerSource(content.channel.name, bucket, buckets, versions),
        versions: versions.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1),
    }));
}
/** The image of `channel`: its packages and every more stable channel's, read from `contents` (all at known commits). */
function planImage(policy, channel, contents) {
    const served = servedChannels(policy, channel);
    const layers = [];
    const commits = {};
    let created = 0;
    for (const c of served) {
        const content = contents.get(c.name);
        if (!content)
            continue; // a channel without a branch contributes nothing
        layers.push(...planChannelLayers(policy, content));
        commits[c.name] = content.commit;
        created = Math.max(created, content.commitTime);
    }
    const own = contents.get(channel.name);
    if (!own)
        throw new Error(`no content for channel ${channel.name}`);
    return {
        channel,
        commit: own.commit,
        layers,
        packagePaths: served.filter((c) => contents.has(c.name)).map((c) => packagePath(c.name)),
        created,
        commits,
    };
}
/**
 * The package-registry version a channel's Dockerfile pins (`ARG PACKAGE_REGISTRY=v1.15.0`), or undefined. One
 * reading for publish-image (which base tag to build on) and validate (the registry-version rule), so they never
 * disagree. Docker reads instructions case-insensitively (`arg` is `ARG`) and argument names exactly.
 */
function registryVersionFromDockerfile(text) {
    if (text === undefined)
        return undefined;
    return /^[ \t]*[Aa][Rr][Gg][ \t]+PACKAGE_REGISTRY[ \t]*=[ \t]*["']?([^\s"']+)["']?[ \t]*\r?$/m.exec(text)?.[1];
}
const versionPattern = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
function isRegistryVersion(version) {
    return versionPattern.test(version);
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var node_modules_semver = __nccwpck_require__(88);
var semver_default = /*#__PURE__*/__nccwpck_require__.n(node_modules_semver);
;// CONCATENATED MODULE: ./src/core/version.ts
// Version strings as the registry reads them: directory names must be strict semver (no `v`, no loose forms).

/** Strict semver, spelled exactly as parsed (rejects `v1.0.0`, `1.0`, `01.0.0`, surrounding spaces). */
function isStrictSemver(version) {
    if (version.length === 0 || version.length > 256)
        return false;
    const parsed = semver_default().parse(version, { loose: false });
    if (!parsed)
        return false;
    const spelled = parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
    return spelled === version;
}
/** Semver precedence; both must be strict semver (see {@link isStrictSemver}): anything else throws. */
function compareVersions(a, b) {
    return semver_default().compare(a, b);
}
/**
 * The version as precedence sees it: build metadata dropped (`1.5.0+build1` and `1.5.0` are the same version).
 * Undefined for a directory name that is not strict semver (legacy `7.17-dev1`): such names have no precedence.
 */
function precedenceKey(version) {
    return isStrictSemver(version) ? semver_default().parse(version).version : undefined;
}
/** Sorted ascending by semver precedence; ties (build metadata) by string. */
function sortVersions(versions) {
    return [...versions].sort((a, b) => semver_default().compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}
function isPrerelease(version) {
    return (semver.prerelease(version)?.length ?? 0) > 0;
}
/**
 * Whether `range` is a valid Kibana version constraint. The registry uses Masterminds semver, which also accepts
 * comma-separated AND clauses (`>=7.10.0, <8.0.0`); node-semver spells those with a space.
 */
function isValidRange(range) {
    const trimmed = range.trim();
    if (trimmed.length === 0 || trimmed.length > 1024)
        return false;
    // node-semver reads an empty alternative (`^8.0.0 ||`) or a dangling comma as "any version"; the registry's
    // Masterminds parser refuses them, so do we.
    const alternatives = trimmed.split('||').map((a) => a.trim());
    if (alternatives.some((a) => a === '' || a.startsWith(',') || a.endsWith(',')))
        return false;
    const normalised = trimmed.replace(/\s*,\s*/g, ' ');
    return semver_default().validRange(normalised) !== null;
}

;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};
//# sourceMappingURL=numeric-range.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};
//# sourceMappingURL=parse-class.js.map
;// CONCATENATED MODULE: ./node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js


// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show(this.#start);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape_unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// tsc fails here if a new option is in neither type. Add it to
// optionsKey() too.
const allOptionsKeyed = true;
void allOptionsKeyed;
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. Unlike
// a spread, it keeps the inherited keys, which optionsKey() and the
// Minimatch constructor also read.
const copyOptions = (o) => {
    const copy = {};
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
const cachedMinimatch = (pattern, options) => {
    const key = options ? optionsKey(options) : 0;
    let mm = cache.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache;
        cache = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache.get(key);
    if (!byPattern)
        cache.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // should be impossible.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */


/* c8 ignore stop */
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./src/core/paths.ts
// Where a changed path sits in the storage layout: `<root>/<name>/<version>/<rest>`.


const packageNamePattern = /^[a-z0-9_]+$/;
function isValidPackageName(name) {
    return name.length <= 128 && packageNamePattern.test(name);
}
/** `packages/foo/1.0.0/manifest.yml` -> version `foo@1.0.0`, rest `manifest.yml`. */
function classifyPath(packagesRoot, path) {
    const prefix = `${packagesRoot}/`;
    if (!path.startsWith(prefix))
        return { kind: 'outside' };
    const parts = path.slice(prefix.length).split('/');
    const [name, version, ...rest] = parts;
    if (name === undefined || name === '')
        return { kind: 'misplaced', reason: 'empty package name' };
    if (parts.length === 1)
        return { kind: 'misplaced', reason: `a file directly in ${packagesRoot}/, outside any package` };
    if (!isValidPackageName(name))
        return { kind: 'misplaced', reason: `package name "${name}" must match ^[a-z0-9_]+$`, name };
    if (parts.length === 2)
        return {
            kind: 'misplaced',
            reason: `a file directly in ${packagesRoot}/${name}/, outside any version directory`,
            name,
        };
    if (!isStrictSemver(version))
        return {
            kind: 'misplaced',
            reason: `version directory "${version}" is not strict semver (e.g. 1.2.3 or 1.2.3-rc1): the registry skips it`,
            name,
            version,
        };
    if (rest.some((segment) => segment === '' || segment === '.' || segment === '..'))
        return { kind: 'misplaced', reason: 'empty, "." or ".." path segment', name, version };
    if (rest.some((segment) => segment.toLowerCase() === '.git'))
        return { kind: 'misplaced', reason: 'a .git entry inside a package (it would be served)', name, version };
    return { kind: 'version', name, version: version, rest: rest.join('/') };
}
/** `<root>/<name>/<version>`; `<root>/<name>` for a legacy flat directory (version ''). */
function versionDir(packagesRoot, name, version) {
    return version ? `${packagesRoot}/${name}/${version}` : `${packagesRoot}/${name}`;
}
/** Compiled patterns per policy list: compiling a glob costs far more than matching it, once per changed path. */
const compiled = new WeakMap();
function isForbidden(patterns, path) {
    let matchers = compiled.get(patterns);
    if (!matchers)
        compiled.set(patterns, (matchers = patterns.map((pattern) => ({ pattern, matcher: new Minimatch(pattern, { dot: true }) }))));
    return matchers.find((m) => m.matcher.match(path))?.pattern;
}
/** A version key used in maps: `name@version`. */
function versionKey(name, version) {
    return `${name}@${version}`;
}
/**
 * What the filesystem of any registry host takes (Linux): a name of at most 255 bytes (NAME_MAX) and a path of at
 * most 4,095 bytes (PATH_MAX, 4,096 with its terminating NUL). Git takes longer ones; no host could create them.
 */
const nameMax = 255;
const pathMax = 4095;
const utf8 = new TextEncoder();
/** Why `path` (where it will be served, e.g. `/packages/staging/nginx/1.0.0/...`) cannot exist on a host. */
function pathLimitProblem(path, served) {
    const long = path.split('/').find((c) => utf8.encode(c).length > nameMax);
    if (long !== undefined)
        return `a name of ${utf8.encode(long).length} bytes: no filesystem a registry host uses takes names over ${nameMax} bytes (NAME_MAX)`;
    const bytes = utf8.encode(served).length;
    if (bytes > pathMax)
        return `a path of ${bytes} bytes where the image serves it: no registry host takes paths over ${pathMax} bytes (PATH_MAX)`;
    return undefined;
}
/**
 * Unicode's bidirectional controls: text between them displays reordered, so a name read in a review or a report
 * can be another name than the one in the tree ("Trojan Source", CVE-2021-42574).
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

;// CONCATENATED MODULE: ./src/git/objects.ts
// One long-lived `git cat-file --batch-command --buffer` process serves every object read and every size lookup, so
// reading a few hundred trees and manifests costs one process start instead of hundreds (see the README's
// performance section). A git older than 2.36 has no --batch-command: then `--batch` and `--batch-check` serve them
// (two processes), found out from the first process's refusal, with the requests already queued sent again.



/**
 * A parsed entry. The raw name is kept only when it is not valid UTF-8 (otherwise it is the name's UTF-8): a tree
 * cache of 100,000 entries then holds strings, not 100,000 small buffers.
 */
class ParsedEntry {
    mode;
    name;
    oid;
    type;
    raw;
    constructor(mode, name, oid, type, raw) {
        this.mode = mode;
        this.name = name;
        this.oid = oid;
        this.type = type;
        this.raw = raw;
    }
    get rawName() {
        return this.raw ?? Buffer.from(this.name, 'utf8');
    }
    get invalid() {
        return this.raw !== undefined;
    }
}
const modeArgs = {
    command: ['--batch-command', '--buffer'],
    contents: ['--batch'],
    sizes: ['--batch-check'],
};
class BatchProcess {
    mode;
    child;
    /** Unparsed output: joined only when a header or an object spans chunks (never once per chunk). */
    chunks = [];
    buffered = 0;
    /** Requests are written once per tick: thousands of small writes to the pipe cost more than the reads. */
    outgoing = [];
    /** Pending requests in order; `head` is the next to answer (Array#shift would make n answers cost O(n²)). */
    queue = [];
    head = 0;
    failure;
    stderr = '';
    /** Whether any answer arrived: a refusal of --batch-command comes before any. */
    answered = false;
    /**
     * `unsupported` is called instead of failing the queued requests when git refuses `--batch-command` (too old),
     * with those requests, to be sent again another way.
     */
    constructor(cwd, mode, unsupported) {
        this.mode = mode;
        this.child = (0,external_node_child_process_namespaceObject.spawn)('git', ['-c', 'core.fsmonitor=false', 'cat-file', ...modeArgs[mode]], {
            cwd,
            env: gitEnv(),
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        this.child.stdout.on('data', (chunk) => {
            this.answered = true;
            this.chunks.push(chunk);
            this.buffered += chunk.length;
            this.drain();
        });
        this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString('utf8')));
        const fail = (error) => {
            this.failure = error;
            for (const p of this.queue.slice(this.head))
                p.reject(error);
            this.queue = [];
            this.head = 0;
        };
        this.child.on('error', (e) => fail(new errors_OperationError(`git cat-file could not be started: ${e.message}`)));
        this.child.on('close', (code) => {
            // 129 is git's usage error: an option this git does not know.
            if (unsupported && code === 129 && !this.answered && /batch-command/.test(this.stderr)) {
                const queued = this.queue.slice(this.head);
                this.failure = new errors_OperationError('git cat-file --batch-command is not supported by this git');
                this.queue = [];
                this.head = 0;
                unsupported(queued);
                return;
            }
            if (this.queue.length > this.head)
                fail(new errors_OperationError(`git cat-file exited (${code}) early: ${this.stderr.trim().split('\n')[0] ?? ''}`));
        });
        this.child.stdin.on('error', () => undefined);
    }
    next() {
        this.head++;
        if (this.head === this.queue.length) {
            this.queue = [];
            this.head = 0;
        }
        else if (this.head > 1024 && this.head * 2 > this.queue.length) {
            this.queue = this.queue.slice(this.head);
            this.head = 0;
        }
    }
    /** The first chunk holding at least `bytes` (joining chunks only when needed). */
    firstChunk(bytes) {
        const first = this.chunks[0];
        if (first.length >= bytes || this.chunks.length === 1)
            return first;
        const joined = Buffer.concat(this.chunks, this.buffered);
        this.chunks = [joined];
        return joined;
    }
    consume(bytes) {
        const first = this.chunks[0];
        const rest = first.subarray(bytes);
        if (rest.length > 0)
            this.chunks[0] = rest;
        else
            this.chunks.shift();
        this.buffered -= bytes;
    }
    drain() {
        while (this.queue.length > this.head && this.buffered > 0) {
            const pending = this.queue[this.head];
            let buffer = this.firstChunk(1);
            let eol = buffer.indexOf(10);
            if (eol === -1) {
                if (this.chunks.length === 1)
                    return;
                buffer = this.firstChunk(this.buffered);
                eol = buffer.indexOf(10);
                if (eol === -1)
                    return;
            }
            const header = buffer.subarray(0, eol).toString('utf8');
            if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
                this.consume(eol + 1);
                this.next();
                pending.resolve(undefined);
                continue;
            }
            const [oid, type, sizeText] = header.split(' ');
            const size = Number(sizeText);
            if (pending.checkOnly) {
                this.consume(eol + 1);
                this.next();
                pending.resolve({ oid: oid, type: type, size, content: Buffer.alloc(0) });
                continue;
            }
            const total = eol + 1 + size + 1;
            if (this.buffered < total)
                return;
            buffer = this.firstChunk(total);
            // A view, not a copy: the chunk is released once the caller drops the content.
            const content = buffer.subarray(eol + 1, eol + 1 + size);
            this.consume(total);
            this.next();
            pending.resolve({ oid: oid, type: type, size, content });
        }
    }
    enqueue(pending) {
        if (this.failure)
            return pending.reject(this.failure);
        if (/[\n\r]/.test(pending.spec))
            return pending.reject(new errors_OperationError('object name contains a line break'));
        this.queue.push(pending);
        const line = this.mode === 'command'
            ? `${pending.checkOnly ? 'info' : 'contents'} ${pending.spec}\n`
            : `${pending.spec}\n`;
        if (this.outgoing.push(line) === 1)
            queueMicrotask(() => {
                // With --buffer, git answers a batch when told to flush (else once per request: a write per answer).
                if (this.mode === 'command')
                    this.outgoing.push('flush\n');
                const lines = this.outgoing.join('');
                this.outgoing = [];
                this.child.stdin.write(lines);
            });
    }
    /**
     * Ends the process's input. Nothing waits for it to exit: a short command (the CLI) ends as soon as its own work
     * is done, and git exits by itself on the end of its input.
     */
    close() {
        this.child.stdin.end();
        // Unreferenced, not destroyed: requests still in flight are answered while anything else keeps the process up.
        this.child.unref();
        for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
            stream.unref?.();
    }
}
/** Parsed tree entries kept at most (least recently used first out): memory stays bounded on any repository. */
const defaultTreeCacheEntries = 100_000;
/** Reads git objects by id or `<rev>:<path>` through persistent batch processes. */
class ObjectReader {
    cwd;
    cacheEntries;
    /** The one `--batch-command` process, until git turns out not to have it. */
    command;
    legacy = false;
    batch;
    check;
    trees = new Map();
    /** Trees requested and not answered yet: a second request for one waits for the first. */
    inFlight = new Map();
    cachedEntries = 0;
    constructor(cwd, cacheEntries = defaultTreeCacheEntries) {
        this.cwd = cwd;
        this.cacheEntries = cacheEntries;
    }
    read(spec) {
        return this.request(spec, false);
    }
    /** Type and size without the content (no blob is read). */
    info(spec) {
        return this.request(spec, true);
    }
    /** The commit `rev` names (`<rev>^{commit}`), as `git rev-parse --verify` would; undefined when none. */
    async commitId(rev) {
        if (rev.length === 0)
            return undefined;
        const found = await this.info(`${rev}^{commit}`);
        return found?.type === 'commit' ? found.oid : undefined;
    }
    /**
     * Starts the batch process now rather than at the first read, so that git starts while the caller does other
     * work (the CLI lists refs meanwhile).
     */
    start() {
        if (!this.legacy)
            this.command ??= this.spawnCommand();
    }
    request(spec, checkOnly) {
        return new Promise((resolve, reject) => this.send({ resolve, reject, checkOnly, spec }));
    }
    send(pending) {
        if (!this.legacy) {
            this.command ??= this.spawnCommand();
            return this.command.enqueue(pending);
        }
        if (pending.checkOnly) {
            this.check ??= new BatchProcess(this.cwd, 'sizes');
            this.check.enqueue(pending);
        }
        else {
            this.batch ??= new BatchProcess(this.cwd, 'contents');
            this.batch.enqueue(pending);
        }
    }
    spawnCommand() {
        return new BatchProcess(this.cwd, 'command', (queued) => {
            this.legacy = true;
            this.command = undefined;
            for (const pending of queued)
                this.send(pending);
        });
    }
    /**
     * A tree's entries, parsed once and kept (least recently used out). Callers may ask for many trees without
     * awaiting each: the requests are pipelined to the one batch process.
     */
    tree(oid) {
        const cached = this.trees.get(oid);
        if (cached) {
            // Most recently used last.
            this.trees.delete(oid);
            this.trees.set(oid, cached);
            return Promise.resolve(cached);
        }
        let pending = this.inFlight.get(oid);
        if (!pending) {
            pending = this.readTree(oid).finally(() => this.inFlight.delete(oid));
            this.inFlight.set(oid, pending);
        }
        return pending;
    }
    async readTree(oid) {
        const object = await this.read(oid);
        if (!object)
            return undefined;
        if (object.type !== 'tree')
            throw new errors_OperationError(`object ${oid} is a ${object.type}, not a tree`);
        const entries = parseTree(object.content, oid.length === 64 ? 32 : 20);
        if (!this.trees.has(oid)) {
            this.trees.set(oid, entries);
            this.cachedEntries += entries.length + 1;
            for (const [key, value] of this.trees) {
                if (this.cachedEntries <= this.cacheEntries)
                    break;
                this.trees.delete(key);
                this.cachedEntries -= value.length + 1;
            }
        }
        return entries;
    }
    /** Tree id of the commit `rev`. */
    async rootTree(rev) {
        const commit = await this.read(rev.endsWith('^{tree}') ? rev : `${rev}^{tree}`);
        return commit?.type === 'tree' ? commit.oid : undefined;
    }
    /** Walks `path` (slash-separated, UTF-8 names) down from a tree; undefined when a segment is absent. */
    async lookup(treeOid, path) {
        let entry = {
            mode: '040000',
            name: '',
            rawName: Buffer.alloc(0),
            oid: treeOid,
            type: 'tree',
        };
        for (const segment of path.split('/').filter((s) => s.length > 0)) {
            if (entry?.type !== 'tree')
                return undefined;
            const entries = await this.tree(entry.oid);
            entry = entries?.find((e) => e.name === segment);
            if (!entry)
                return undefined;
        }
        return entry;
    }
    close() {
        this.command?.close();
        this.batch?.close();
        this.check?.close();
    }
}
// ignoreBOM: a leading U+FEFF is part of the name (the bytes must round-trip).
const objects_utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeName(raw) {
    try {
        return { name: objects_utf8.decode(raw), valid: true };
    }
    catch {
        return { name: raw.toString('utf8'), valid: false };
    }
}
/** The modes git writes, shared instead of one string per entry. */
const modes = new Map(['100644', '100755', '040000', '120000', '160000'].map((m) => [m, m]));
function parseTree(content, hashBytes = 20) {
    const entries = [];
    let offset = 0;
    while (offset < content.length) {
        const space = content.indexOf(32, offset);
        const nul = content.indexOf(0, space);
        if (space === -1 || nul === -1)
            throw new errors_OperationError('malformed tree object');
        const text = content.subarray(offset, space).toString('ascii').padStart(6, '0');
        const mode = modes.get(text) ?? text;
        const rawName = content.subarray(space + 1, nul);
        const { name, valid } = decodeName(rawName);
        const oid = content.subarray(nul + 1, nul + 1 + hashBytes).toString('hex');
        offset = nul + 1 + hashBytes;
        const type = mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
        // A copy of invalid bytes only: the content is a view into a large read buffer that must not be kept alive.
        entries.push(new ParsedEntry(mode, name, oid, type, valid ? undefined : Buffer.from(rawName)));
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/git/storage.ts
// Reads what the channel branches hold straight from git objects: never the working tree, never a checkout of
// the change. Work grows with the change (touched names), not with the repository: the diff walks only trees whose
// ids differ, and everything goes through one shared object reader (one `git cat-file` process per run, however
// many commits it compares).






/** Entry names git itself never writes: a tree holding one was crafted to look like another path. */
function isMalformedName(name) {
    return (name === '' ||
        name === '.' ||
        name === '..' ||
        name.includes('/') ||
        name.includes('\0') ||
        name.toLowerCase() === '.git');
}
const zeroOid = '0000000000000000000000000000000000000000';
function changed(path, status, oldEntry, newEntry, invalid) {
    return {
        path,
        status,
        oldMode: oldEntry?.mode ?? modeAbsent,
        newMode: newEntry?.mode ?? modeAbsent,
        oldBlob: oldEntry?.oid ?? zeroOid,
        newBlob: newEntry?.oid ?? zeroOid,
        ...(invalid ? { invalidEncoding: true } : {}),
    };
}
/**
 * A package directory holds a legacy flat version (`<root>/<name>-<version>/manifest.yml`) when its name is not a
 * package name and it holds a manifest directly. (A package directory with a stray manifest stays a package.)
 */
function isFlatVersion(name, entries) {
    return !isValidPackageName(name) && entries.some((e) => e.name === 'manifest.yml' && e.type === 'blob');
}
class StorageReader {
    repoDir;
    packagesRoot;
    objects;
    owned;
    /** A reader of its own, or one sharing `objects` (audit replays share one across every commit). */
    constructor(repoDir, packagesRoot, objects) {
        this.repoDir = repoDir;
        this.packagesRoot = packagesRoot;
        this.objects = objects ?? new ObjectReader(repoDir);
        this.owned = objects === undefined;
    }
    async rootEntries(rev) {
        if (rev === emptyTreeId)
            return [];
        const root = await this.objects.rootTree(rev);
        if (!root)
            throw new errors_OperationError(`commit ${rev} is not available in ${this.repoDir}`);
        return (await this.objects.tree(root)) ?? [];
    }
    /**
     * Every changed path between two commits (or trees), as a stream: a two-tree walk that descends only where tree
     * ids differ (works in shallow and blobless clones: it reads trees only). No renames; a file replaced by a
     * directory is a deletion and additions.
     */
    async *changes(base, head) {
        const [a, b] = await Promise.all([this.rootEntries(base), this.rootEntries(head)]);
        yield* this.walk(a, b, '', false);
    }
    async *walk(a, b, prefix, invalid) {
        const left = new Map(a.map((e) => [e.name, e]));
        const right = new Map(b.map((e) => [e.name, e]));
        const names = [...new Set([...left.keys(), ...right.keys()])].sort();
        // Ask for every subtree this level descends into at once (pipelined), then walk them in order.
        for (const name of names) {
            const x = left.get(name);
            const y = right.get(name);
            if (x?.oid === y?.oid && x?.mode === y?.mode)
                continue;
            for (const e of [x, y])
                if (e?.type === 'tree')
                    void this.objects.tree(e.oid).catch(() => undefined);
        }
        for (const name of names) {
            const x = left.get(name);
            const y = right.get(name);
            if (x && y && x.oid === y.oid && x.mode === y.mode)
                continue;
            const path = prefix + name;
            const bad = invalid || Boolean(x?.invalid || y?.invalid);
            const xTree = x?.type === 'tree';
            const yTree = y?.type === 'tree';
            if (xTree && yTree) {
                yield* this.walk(await this.entries(x.oid), await this.entries(y.oid), `${path}/`, bad);
                continue;
            }
            if (x && y && !xTree && !yTree) {
                yield changed(path, 'modified', x, y, bad);
                continue;
            }
            if (x) {
                if (xTree)
                    yield* this.walk(await this.entries(x.oid), [], `${path}/`, bad);
                else
                    yield changed(path, 'deleted', x, undefined, bad);
            }
            if (y) {
                if (yTree)
                    yield* this.walk([], await this.entries(y.oid), `${path}/`, bad);
                else
                    yield changed(path, 'added', undefined, y, bad);
            }
        }
    }
    async entries(oid) {
        const entries = await this.objects.tree(oid);
        if (!entries)
            throw new errors_OperationError(`tree ${oid} is not available in ${this.repoDir}`);
        return entries;
    }
    /** Every changed path, collected (small changes, tests). */
    async diff(base, head) {
        const out = [];
        for await (const p of this.changes(base, head))
            out.push(p);
        return out;
    }
    /** Package directory names whose entry under the packages root differs between two commits. */
    async changedNames(base, head) {
        const [a, b] = await Promise.all([this.packagesTree(base), this.packagesTree(head)]);
        const left = new Map((a ?? []).map((e) => [e.name, e]));
        const names = [];
        for (const e of b ?? []) {
            const x = left.get(e.name);
            if ((e.type === 'tree' || x?.type === 'tree') && (x?.oid !== e.oid || x.mode !== e.mode))
                names.push(e.name);
            left.delete(e.name);
        }
        for (const x of left.values())
            if (x.type === 'tree')
                names.push(x.name);
        return names.sort();
    }
    /** Fills `size` of added and modified blobs (no blob content is read). */
    async addSizes(paths) {
        await Promise.all(paths
            .filter((p) => p.status !== 'deleted' && p.newMode !== '160000')
            .map(async (p) => {
            const info = await this.objects.info(p.newBlob);
            if (info)
                p.size = info.size;
        }));
    }
    async packagesTree(rev) {
        if (rev === undefined)
            return undefined;
        const root = await this.rootEntries(rev);
        let entries = root;
        for (const segment of this.packagesRoot.split('/').filter((s) => s.length > 0 && s !== '.')) {
            const entry = entries?.find((e) => e.name === segment);
            if (entry?.type !== 'tree')
                return undefined;
            entries = await this.objects.tree(entry.oid);
        }
        return entries;
    }
    /** Versions of one package directory: `version -> tree`, or `'' -> tree` for a legacy flat version. */
    async versionsOf(entry) {
        const versions = new Map();
        const entries = (await this.objects.tree(entry.oid)) ?? [];
        if (isFlatVersion(entry.name, entries))
            versions.set('', entry.oid);
        else
            for (const v of entries)
                if (v.type === 'tree')
                    versions.set(v.name, v.oid);
        return versions;
    }
    /** The versions of `names` at `rev` (undefined rev = an empty channel). */
    async holdings(rev, names) {
        const holdings = new Map();
        const packages = await this.packagesTree(rev);
        if (!packages)
            return holdings;
        const wanted = new Set(names);
        await Promise.all(packages
            .filter((e) => e.type === 'tree' && wanted.has(e.name))
            .map(async (e) => holdings.set(e.name, await this.versionsOf(e))));
        return holdings;
    }
    /**
     * Crafted entries at `rev` under the packages root, at the package and version levels of `names` (and any entry
     * whose name contains a slash, which would read as a package path): `<root>/<name>` paths for reports.
     */
    async malformedEntries(rev, names) {
        const packages = await this.packagesTree(rev);
        if (!packages)
            return [];
        const wanted = new Set(names);
        const lists = await Promise.all(packages.map(async (e) => {
            if (isMalformedName(e.name))
                return [`${this.packagesRoot}/${e.name}`];
            if (!wanted.has(e.name) || e.type !== 'tree')
                return [];
            return ((await this.objects.tree(e.oid)) ?? [])
                .filter((v) => isMalformedName(v.name))
                .map((v) => `${this.packagesRoot}/${e.name}/${v.name}`);
        }));
        return lists.flat();
    }
    /** Every version at `rev`, in git's tree order of names, then of version directories (legacy flat directories with version ''). */
    async allVersions(rev) {
        const packages = (await this.packagesTree(rev)) ?? [];
        const lists = await Promise.all(packages
            .filter((e) => e.type === 'tree')
            .map(async (e) => [...(await this.versionsOf(e))].map(([version, tree]) => ({ name: e.name, version, tree }))));
        return lists.flat();
    }
    /**
     * Walks a version tree: its files (path, blob) up to `limit`, and crafted entry names. The callback sees each
     * file; nothing is kept here.
     */
    async walkFiles(tree, limit, onFile) {
        const malformed = [];
        let count = 0;
        let truncated = false;
        const walk = async (oid, prefix) => {
            const entries = (await this.objects.tree(oid)) ?? [];
            // Subtrees requested together (pipelined), walked in order.
            for (const e of entries)
                if (e.type === 'tree')
                    void this.objects.tree(e.oid).catch(() => undefined);
            for (const entry of entries) {
                if (truncated)
                    return;
                const path = prefix + entry.name;
                if (isMalformedName(entry.name) && malformed.length < 20)
                    malformed.push(path);
                if (entry.type === 'tree')
                    await walk(entry.oid, `${path}/`);
                else if (count >= limit)
                    truncated = true;
                else {
                    count++;
                    onFile({ path, blob: entry.oid, mode: entry.mode });
                }
            }
        };
        await walk(tree, '');
        return { count, truncated, malformed };
    }
    /** The content identity of a version tree (blob per path, modes ignored); undefined above `limit` files. */
    async contentIdentity(tree, limit) {
        const files = [];
        const { truncated } = await this.walkFiles(tree, limit, (f) => files.push({ path: f.path, blob: f.blob }));
        return truncated ? undefined : contentIdentity(files);
    }
    /** What the rules need of a version tree: file count, identity, README, crafted names and the manifest text. */
    async versionContent(tree, limits) {
        const files = [];
        const walked = await this.walkFiles(tree, limits.filesPerVersion, (f) => files.push({ path: f.path, blob: f.blob }));
        const readme = await this.objects.lookup(tree, 'docs/README.md');
        const content = {
            fileCount: walked.count,
            truncated: walked.truncated,
            readme: readme?.type === 'blob',
            ...(walked.truncated ? {} : { identity: contentIdentity(files) }),
            ...(walked.malformed.length ? { malformed: walked.malformed } : {}),
        };
        files.length = 0;
        const manifestEntry = ((await this.objects.tree(tree)) ?? []).find((e) => e.name === 'manifest.yml' && e.type === 'blob');
        if (manifestEntry) {
            const info = await this.objects.info(manifestEntry.oid);
            const size = info?.size ?? 0;
            if (size > limits.manifestBytes)
                content.manifest = { size };
            else {
                const blob = await this.objects.read(manifestEntry.oid);
                content.manifest = { size, text: blob?.content.toString('utf8') ?? '' };
            }
        }
        return content;
    }
    /** A blob's text at `<rev>:<path>`, or undefined when absent. */
    async readFile(rev, path) {
        if (rev === emptyTreeId)
            return undefined;
        const root = await this.objects.rootTree(rev);
        if (!root)
            return undefined;
        const entry = await this.objects.lookup(root, path);
        if (entry?.type !== 'blob')
            return undefined;
        return (await this.objects.read(entry.oid))?.content.toString('utf8');
    }
    /** Closes the object reader when this reader made it (a shared one is closed by its owner). */
    close() {
        if (this.owned)
            this.objects.close();
    }
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function js_yaml_build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = js_yaml_build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = js_yaml_build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = js_yaml_build(state, objectKey);
		if (key === INVALID) continue;
		const value = js_yaml_build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = js_yaml_build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/core/manifest.ts
// Reads a package version's manifest.yml the way the registry does, with every scalar kept as a string
// (FAILSAFE: `1.10` stays "1.10"), aliases refused (no alias bombs) and nesting bounded.


const releaseLevels = ['experimental', 'beta', 'ga'];
const maxDepth = 64;
const plainStyle = 1; // SCALAR_STYLE.PLAIN: only a plain `<<` is a merge key
/**
 * Byte offset of each mapping key, by dotted path (`conditions.kibana.version` for both spellings), and of every
 * YAML merge key (`<<`, plain or tagged `!!merge`).
 */
function keyOffsets(source, events) {
    const offsets = new Map();
    const merges = [];
    const stack = [];
    const childPath = () => {
        const top = stack.at(-1);
        if (!top)
            return '';
        if (top.kind === 'seq')
            return `${top.path}[]`;
        return top.path === '' ? (top.key ?? '') : `${top.path}.${top.key ?? ''}`;
    };
    const valueDone = () => {
        const top = stack.at(-1);
        if (top?.kind === 'map')
            top.expectKey = true;
    };
    for (const event of events) {
        if (event.type === EVENT_MAPPING || event.type === EVENT_SEQUENCE) {
            const top = stack.at(-1);
            if (top?.kind === 'map' && top.expectKey)
                top.key = ''; // complex key: ignore its contents
            stack.push({ kind: event.type === EVENT_MAPPING ? 'map' : 'seq', path: childPath(), expectKey: true });
        }
        else if (event.type === EVENT_POP) {
            if (stack.length > 0) {
                stack.pop();
                valueDone();
            }
        }
        else if (event.type === EVENT_SCALAR) {
            const top = stack.at(-1);
            if (top?.kind === 'map' && top.expectKey) {
                top.key = getScalarValue(source, event);
                top.expectKey = false;
                const tag = event.tagStart >= 0 ? source.slice(event.tagStart, event.tagEnd) : '';
                if ((top.key === '<<' && event.style === plainStyle) || /merge$/.test(tag))
                    merges.push(event.valueStart);
                const path = top.path === '' ? top.key : `${top.path}.${top.key}`;
                if (!offsets.has(path))
                    offsets.set(path, event.valueStart);
            }
            else
                valueDone();
        }
        else if (event.type === EVENT_ALIAS)
            valueDone();
    }
    return { offsets, merges };
}
function lineAt(source, offset) {
    if (offset === undefined || offset < 0)
        return undefined;
    let line = 1;
    for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1))
        line++;
    return line;
}
const isMapping = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);
/** Parses manifest text; `expected` is the directory it sits in. */
function checkManifest(source, expected, context) {
    const problems = [];
    const fields = {};
    let events = [];
    let documents;
    try {
        events = parseEvents(source, { maxDepth });
        documents = constructFromEvents(events, { source, schema: FAILSAFE_SCHEMA, maxAliases: 0 });
    }
    catch (error) {
        const mark = error.mark;
        let reason = error.reason ?? (error instanceof Error ? error.message : String(error));
        if (/alias/i.test(reason))
            reason = 'YAML aliases (*name) are not allowed in manifest.yml';
        else if (/depth/i.test(reason))
            reason = `nesting deeper than ${maxDepth} levels`;
        problems.push({
            level: 'error',
            message: `manifest.yml is not valid YAML: ${reason}`,
            ...(mark?.line !== undefined ? { line: mark.line + 1 } : {}),
        });
        return { fields, problems, events: events.length };
    }
    if (documents.length !== 1) {
        problems.push({
            level: 'error',
            message: `manifest.yml must hold exactly one YAML document (found ${documents.length})`,
        });
        return { fields, problems, events: events.length };
    }
    const doc = documents[0];
    if (!isMapping(doc)) {
        problems.push({ level: 'error', message: 'manifest.yml must be a YAML mapping', line: 1 });
        return { fields, problems, events: events.length };
    }
    const { offsets, merges } = keyOffsets(source, events);
    // The registry's YAML reader (go-yaml) merges `<<: {...}` into the mapping; this reader keeps `<<` as a key. The
    // two would read different fields, so the check would not be about what the registry serves.
    for (const offset of merges)
        problems.push({
            level: 'error',
            message: "manifest.yml uses a YAML merge key (`<<`): the registry's YAML reader merges the referenced mapping into this one, so it would read other fields than this check does; write the keys out",
            ...(lineAt(source, offset) !== undefined ? { line: lineAt(source, offset) } : {}),
        });
    const line = (key) => {
        const l = lineAt(source, offsets.get(key));
        return l === undefined ? {} : { line: l };
    };
    const problem = (level, key, message) => {
        problems.push({ level, message, ...line(key) });
    };
    const name = str(doc.name);
    const version = str(doc.version);
    const formatVersion = str(doc.format_version);
    if (name !== undefined)
        fields.name = name;
    if (version !== undefined)
        fields.version = version;
    if (formatVersion !== undefined)
        fields.formatVersion = formatVersion;
    for (const key of ['title', 'description', 'type', 'release']) {
        const value = str(doc[key]);
        if (value !== undefined)
            fields[key] = value;
    }
    if (name === undefined)
        problem('error', 'name', '`name` is missing');
    else if (name !== expected.name)
        problem('error', 'name', `\`name\` is "${name}" but the package directory is "${expected.name}"`);
    if (version === undefined)
        problem('error', 'version', '`version` is missing');
    else if (version !== expected.version)
        problem('error', 'version', `\`version\` is "${version}" but the version directory is "${expected.version}"`);
    if (formatVersion === undefined)
        problem('error', 'format_version', '`format_version` is missing');
    else if (!isStrictSemver(formatVersion))
        problem('error', 'format_version', `\`format_version\` "${formatVersion}" is not strict semver`);
    if (doc.release !== undefined && !releaseLevels.includes(fields.release ?? ''))
        problem('error', 'release', `\`release\` must be one of ${releaseLevels.join(', ')} (got ${JSON.stringify(doc.release)})`);
    if (!fields.title?.trim())
        problem('error', 'title', '`title` is missing or empty (the registry refuses the package)');
    if (!fields.description?.trim())
        problem('error', 'description', '`description` is missing or empty (the registry refuses the package)');
    if (!context.hasReadme)
        problems.push({
            level: 'error',
            message: 'docs/README.md is missing (the registry refuses the package)',
        });
    // conditions.kibana.version: dotted key or nested mapping; both mean the same to the registry.
    const conditions = doc.conditions;
    if (conditions !== undefined && !isMapping(conditions))
        problem('error', 'conditions', '`conditions` must be a mapping');
    if (isMapping(conditions)) {
        const dotted = conditions['kibana.version'];
        const kibana = conditions.kibana;
        const nested = isMapping(kibana) ? kibana.version : undefined;
        if (kibana !== undefined && !isMapping(kibana))
            problem('error', 'conditions.kibana', '`conditions.kibana` must be a mapping');
        if (dotted !== undefined && nested !== undefined && dotted !== nested)
            problem('error', 'conditions.kibana.version', 'both `conditions.kibana.version` spellings are present and differ');
        const range = dotted ?? nested;
        if (range !== undefined) {
            if (typeof range !== 'string' || !isValidRange(range))
                problem('error', 'conditions.kibana.version', `\`conditions.kibana.version\` ${JSON.stringify(range)} is not a valid version range`);
            else
                fields.kibanaRange = range;
        }
    }
    const requirement = doc.requirement;
    if (isMapping(requirement) && isMapping(requirement.kibana) && fields.kibanaRange === undefined)
        problem('warning', 'requirement', '`requirement.kibana.versions` is ignored by the registry since v0.6.0; without `conditions.kibana.version` this package matches every Kibana');
    return { fields, problems, events: events.length };
}

;// CONCATENATED MODULE: ./src/core/map-limit.ts
// Bounded concurrency without a dependency: the git, registry and API adapters each keep a few requests in flight.
/** `fn` over `items`, at most `limit` at a time; results in the order of `items`. The first failure is thrown. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    }));
    return out;
}

;// CONCATENATED MODULE: ./src/core/rules/collect.ts
/** Paths listed per finding; the count says how many there were. */
const listedPaths = 5;
const listedDetails = 10;
const quote = (text, max = 120) => JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
const severityRank = { error: 0, warning: 1, notice: 2 };
const exceptionKey = (e) => e ? `${e.source}:${e.via ?? ''}:${e.by ?? ''}:${e.rule}` : '';
class FindingCollector {
    groups = new Map();
    add(item) {
        const key = [
            item.package ?? '',
            item.version ?? '',
            item.rule,
            item.severity,
            exceptionKey(item.exception),
        ].join('\0');
        let group = this.groups.get(key);
        if (!group)
            this.groups.set(key, (group = { first: item, count: 0, paths: [], details: [], messages: new Map() }));
        group.count++;
        if (item.path !== undefined && group.paths.length < listedPaths && !group.paths.includes(item.path))
            group.paths.push(item.path);
        if (group.details.length < listedDetails)
            group.details.push({
                message: item.message,
                ...(item.path !== undefined ? { path: item.path } : {}),
                ...(item.line !== undefined ? { line: item.line } : {}),
            });
        let byMessage = group.messages.get(item.message);
        if (!byMessage)
            group.messages.set(item.message, (byMessage = { count: 0, paths: [], ...(item.line !== undefined ? { line: item.line } : {}) }));
        byMessage.count++;
        if (item.path !== undefined && byMessage.paths.length < 3)
            byMessage.paths.push(item.path);
    }
    findings() {
        const out = [];
        for (const g of this.groups.values()) {
            const f = g.first;
            const finding = {
                rule: f.rule,
                severity: f.severity,
                message: g.count === 1 ? single(f) : combined(g),
                ...(f.package !== undefined ? { package: f.package } : {}),
                ...(f.version !== undefined ? { version: f.version } : {}),
                ...(f.path !== undefined ? { path: f.path } : {}),
                ...(f.line !== undefined ? { line: f.line } : {}),
                ...(f.exception ? { exception: f.exception } : {}),
            };
            if (g.count > 1) {
                finding.count = g.count;
                if (g.paths.length > 0)
                    finding.paths = g.paths;
                finding.details = g.details;
            }
            out.push(finding);
        }
        return out.sort((a, b) => (a.package ?? '').localeCompare(b.package ?? '') ||
            (a.version ?? '').localeCompare(b.version ?? '') ||
            a.rule.localeCompare(b.rule) ||
            (a.path ?? '').localeCompare(b.path ?? '') ||
            severityRank[a.severity] - severityRank[b.severity] ||
            a.message.localeCompare(b.message));
    }
}
function single(item) {
    return item.path !== undefined && !item.standalone ? `${quote(item.path)}: ${item.message}` : item.message;
}
function combined(g) {
    const what = g.first.package
        ? `${g.first.package}${g.first.version ? `@${g.first.version}` : ''}`
        : 'the change';
    const onePath = g.paths.length <= 1;
    const parts = [];
    for (const [message, m] of g.messages) {
        if (parts.length === 4) {
            parts.push(`and ${g.messages.size - 4} more`);
            break;
        }
        const line = m.line !== undefined ? ` (line ${m.line})` : '';
        if (onePath || g.first.standalone)
            parts.push(`${message}${m.count > 1 ? ` (${m.count} times)` : line}`);
        else if (m.count === 1 && m.paths.length === 1)
            parts.push(`${quote(m.paths[0])}: ${message}`);
        else
            parts.push(`${message} (${m.count} paths: ${m.paths.map((p) => quote(p)).join(', ')}${m.count > m.paths.length ? ', …' : ''})`);
    }
    const where = onePath && g.paths[0] !== undefined ? ` (${quote(g.paths[0])})` : '';
    return `${g.count} ${g.first.rule} problems in ${what}${where}: ${parts.join('; ')}`;
}

;// CONCATENATED MODULE: ./src/core/rules/context.ts
// What every rule sees: the policy and channel, the holdings before and after, the version changes, content
// identity, and one way to report — including how an exception turns a violation into a notice that says which
// exception allowed it and who approved it.




/** `nginx@1.0.0`, or the directory name of a legacy flat version (`nginx-1.0.0`, version ''). */
function versionLabel(name, version) {
    return version ? `${name}@${version}` : name;
}
/** Where a finding about a version points: the package, the version (if any) and its directory. */
function versionAt(root, name, version) {
    return {
        package: name,
        ...(version ? { version } : {}),
        path: version ? `${root}/${name}/${version}` : `${root}/${name}`,
    };
}
function describeGrant(policy, grant) {
    if (grant.source === 'policy')
        return `the policy's exception for this version${grant.reason ? ` (${grant.reason})` : ''}`;
    const how = grant.via === 'review'
        ? 'an approving review of the head commit'
        : grant.via === 'label'
            ? `label "${policy.exceptionLabel}" applied after the last push`
            : 'the command line';
    return grant.via === 'cli'
        ? `an exception given on ${how}`
        : `an exception approved by @${grant.by ?? '?'} (${how})`;
}
function createContext(input, scan, collector, changes) {
    const { policy, channel } = input;
    const before = input.holdings.get(channel.name) ?? new Map();
    const exceptionFor = (rule, name, version) => {
        if (name !== undefined && version !== undefined && rule !== 'title-prefix') {
            const entry = policy.exceptions.find((x) => x.name === name &&
                x.version === version &&
                (x.channel === undefined || x.channel === channel.name) &&
                x.rules.includes(rule));
            if (entry)
                return { rule, source: 'policy', ...(entry.reason ? { reason: entry.reason } : {}) };
        }
        const a = input.approval;
        return a ? { rule, source: 'approval', via: a.via, by: a.by } : undefined;
    };
    const severityOf = (rule) => {
        const setting = ruleSetting(policy, channel, rule);
        return setting === 'off' ? undefined : setting;
    };
    const ctx = {
        policy,
        channel,
        input,
        root: policy.packagesRoot,
        before,
        after: input.after,
        changes,
        stabler: moreStable(policy, channel),
        sources: promotionSources(policy, channel),
        scan,
        treeIn: (c, name, version) => treeOf(c === channel.name ? before : input.holdings.get(c), name, version),
        same: (a, b) => sameContent(input.identities, a, b),
        modesOnly: (a, b) => modesOnly(input.identities, a, b),
        modesOnlyChange: (c) => c.kind === 'modified' && modesOnly(input.identities, c.before, c.after),
        foreignMarker: (name) => channel.markers.includes(name) ? [] : markerChannels(policy, name).filter((c) => c !== channel),
        report(rule, item, severity) {
            const s = severity ?? severityOf(rule);
            if (s)
                collector.add({ rule, severity: s, ...item });
        },
        violation(rule, item, o = {}) {
            const s = severityOf(rule);
            if (!s)
                return;
            const grant = o.liftable === false ? undefined : exceptionFor(rule, item.package, item.version ?? '');
            if (grant)
                collector.add({
                    rule,
                    severity: 'notice',
                    ...item,
                    message: `${item.message}; allowed by ${describeGrant(policy, grant)}`,
                    exception: grant,
                });
            else
                collector.add({ rule, severity: s, ...item });
        },
        approvalHint: `an exception approved by a user with the ${channel.exceptionApprovers} role: an approving review of the PR's head commit, or the label "${policy.exceptionLabel}" applied after the last push`,
    };
    return ctx;
}

;// CONCATENATED MODULE: ./src/core/rules/frozen.ts
// frozen: a frozen channel takes no package change at all (images can still be published from it).

function frozenRule(ctx) {
    const { channel } = ctx;
    if (!channel.frozen)
        return;
    for (const change of ctx.changes) {
        const at = { ...versionAt(ctx.root, change.name, change.version), standalone: true };
        const label = versionLabel(change.name, change.version);
        if (ctx.modesOnlyChange(change))
            continue; // the overwrite notice says it
        ctx.violation('frozen', {
            ...at,
            message: `${channel.name} is frozen (channels[].frozen): no package may be added, changed or removed, and this change ${change.kind === 'added' ? 'adds' : change.kind === 'removed' ? 'removes' : 'changes'} ${label}; images can still be published from it`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/layout.ts
// layout (version level): crafted tree entries git never writes. The per-path layout checks run in the path scan.


function layoutRule(ctx) {
    // A crafted tree can make one path look like another (an entry named `nginx/1.5.0`): never trust such trees.
    for (const path of ctx.input.malformed ?? [])
        ctx.report('layout', {
            path,
            standalone: true,
            message: `${quote(path)}: a tree entry named ${quote(path.split('/').slice(2).join('/') || path)} that git never writes (a slash, ".", ".." or ".git" in one name); the tree was crafted`,
        });
    for (const change of ctx.changes) {
        if (change.after === undefined)
            continue;
        const content = ctx.input.content.get(`${change.name}@${change.version}`);
        const at = versionAt(ctx.root, change.name, change.version);
        for (const path of content?.malformed ?? [])
            ctx.report('layout', {
                ...at,
                path: `${at.path}/${path}`,
                message: 'a tree entry name git never writes (".", "..", ".git" or a slash); the tree was crafted',
            });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/manifest.ts
// manifest: each added or changed version's manifest.yml read the way the registry reads it.




function manifestRule(ctx) {
    const setting = ruleSetting(ctx.policy, ctx.channel, 'manifest');
    if (setting === 'off')
        return;
    for (const change of ctx.changes) {
        // A legacy directory (flat, or not semver) is skipped by the registry: the layout rule says so.
        if (change.after === undefined || precedenceKey(change.version) === undefined)
            continue;
        const content = ctx.input.content.get(`${change.name}@${change.version}`);
        if (!content)
            continue;
        const at = versionAt(ctx.root, change.name, change.version);
        const path = `${at.path}/manifest.yml`;
        if (!content.manifest) {
            ctx.report('manifest', { ...at, path, standalone: true, message: 'manifest.yml is missing' });
            continue;
        }
        if (content.manifest.text === undefined)
            continue; // too large: the size rule reports it
        const report = checkManifest(content.manifest.text, { name: change.name, version: change.version }, { hasReadme: content.readme });
        for (const problem of report.problems)
            ctx.report('manifest', {
                ...at,
                path,
                standalone: true,
                message: problem.message,
                ...(problem.line ? { line: problem.line } : {}),
            }, setting === 'error' && problem.level === 'warning' ? 'warning' : setting);
    }
}

;// CONCATENATED MODULE: ./src/core/rules/marker.ts
// marker: a marker package (`snapshot/0.0.1`) shows which distribution a registry serves; it stays on its own
// channel, is never promoted, and arriving anywhere else is refused with a message that says what it is.

function markerRule(ctx) {
    for (const change of ctx.changes) {
        if (change.after === undefined)
            continue;
        const owners = ctx.foreignMarker(change.name);
        if (owners.length === 0)
            continue;
        ctx.report('marker', {
            ...versionAt(ctx.root, change.name, change.version),
            standalone: true,
            message: `${versionLabel(change.name, change.version)} is the marker package of ${owners.map((c) => c.name).join(', ')} (it shows which distribution a registry serves): markers stay on their own channel and are never promoted, so it must not arrive on ${ctx.channel.name}`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/not-promoted.ts
// not-promoted: a channel that takes versions by promotion only takes a copy identical to one in a channel it is
// promoted from (stages may not be skipped). Identical means the same bytes at every path: modes are not content.


const not_promoted_short = (tree) => (tree ? tree.slice(0, 12) : 'none');
function notPromotedRule(ctx) {
    const { channel, policy } = ctx;
    if (channel.arrival !== 'promotion')
        return;
    for (const change of ctx.changes) {
        const { name, version } = change;
        if (change.after === undefined || precedenceKey(version) === undefined)
            continue; // legacy: layout refuses it
        if (channel.markers.includes(name) || ctx.foreignMarker(name).length > 0 || ctx.modesOnlyChange(change))
            continue;
        const at = { ...versionAt(ctx.root, name, version), standalone: true };
        const label = versionLabel(name, version);
        const promotedFrom = ctx.sources.find((s) => ctx.same(ctx.treeIn(s.name, name, version), change.after));
        if (promotedFrom) {
            if (ctx.modesOnly(ctx.treeIn(promotedFrom.name, name, version), change.after))
                ctx.report('not-promoted', {
                    ...at,
                    message: `${label} is promoted from ${promotedFrom.name} with the same bytes; only file modes differ`,
                }, 'notice');
            continue;
        }
        const elsewhere = policy.channels
            .filter((c) => c !== channel && !ctx.sources.includes(c))
            .filter((c) => ctx.same(ctx.treeIn(c.name, name, version), change.after))
            .map((c) => c.name);
        const from = ctx.sources.map((s) => s.name).join(' or ') || '(no channel)';
        const differs = ctx.sources
            .map((s) => [s.name, ctx.treeIn(s.name, name, version)])
            .filter(([, t]) => t !== undefined);
        const detail = elsewhere.length
            ? `; it is in ${elsewhere.join(', ')}: promote it through ${from} first (stages may not be skipped)`
            : differs.length
                ? `; ${differs.map(([c, t]) => `${c} has different content (tree ${not_promoted_short(t)})`).join(', ')}`
                : `; ${from} does not have this version`;
        ctx.violation('not-promoted', {
            ...at,
            message: `${label} enters ${channel.name} by promotion, but ${from} holds no identical copy${detail}`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/overwrite.ts
// overwrite: a version already on the channel changes content. Only file modes changing is not a content change
// (the registry serves bytes). A version equal by semver precedence (`1.5.0+build1` next to `1.5.0`) is the same
// version: adding it with other content overwrites what that version serves.


function overwriteRule(ctx) {
    const { channel } = ctx;
    for (const change of ctx.changes) {
        const at = versionAt(ctx.root, change.name, change.version);
        const label = versionLabel(change.name, change.version);
        if (change.kind === 'modified') {
            if (ctx.modesOnlyChange(change)) {
                ctx.report('overwrite', {
                    ...at,
                    standalone: true,
                    message: `${label}: only file modes change (every path keeps its bytes, and the registry serves bytes); not an overwrite`,
                }, 'notice');
                continue;
            }
            if (channel.overwrite === 'allow')
                continue;
            const base = `${label} already exists on ${channel.branch} and this change modifies it`;
            ctx.violation('overwrite', {
                ...at,
                standalone: true,
                message: channel.overwrite === 'never'
                    ? `${base}; versions on ${channel.name} are never overwritten: release a new version instead`
                    : `${base}; overwriting on ${channel.name} needs ${ctx.approvalHint}`,
            }, { liftable: channel.overwrite === 'exception' });
        }
        if (change.kind === 'added' && channel.overwrite !== 'allow') {
            const key = precedenceKey(change.version);
            if (key === undefined)
                continue;
            for (const [other, tree] of ctx.before.get(change.name) ?? []) {
                if (other === change.version || precedenceKey(other) !== key || ctx.same(tree, change.after))
                    continue;
                ctx.violation('overwrite', {
                    ...at,
                    standalone: true,
                    message: `${label} is the same version as ${change.name}@${other} already on ${channel.branch} (semver precedence ignores build metadata) with different content: it changes what ${key} serves; release a new version instead`,
                }, { liftable: channel.overwrite === 'exception' });
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/core/rules/paths.ts
// The path rules (layout, forbidden-path, size, github-files), applied to each changed path as the diff streams
// in, so a change of 100,000 files costs memory per version and rule, never per file. Only what the change adds or
// modifies is judged: deleting a misplaced or forbidden file is welcome.





/** Why the registry refuses `-` in directory names: say which of its checks it is. */
const dashMessage = (dir) => `directory ${quote(dir)} contains "-": the registry refuses any directory inside a package whose name contains "-" (its validation since July 2020, when ingest-pipeline became ingest_pipeline); rename it with "_"`;
const flatLayoutMessage = (dir) => `${quote(dir)} uses the old flat layout <name>-<version>/: the registry reads only <name>/<version>/ directories and ignores it`;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;
class PathScan {
    policy;
    channel;
    flat;
    /** Package directory names (first level under the packages root) any changed path is in, deleted ones too. */
    names = new Set();
    /** The change touches the channel's Dockerfile. */
    dockerfile = false;
    /** Files under `.github/` the change adds, modifies or deletes: count and the first few. */
    github = { count: 0, paths: [] };
    /** Changed paths (deleted ones too) outside any well-placed version directory: a change with any is no pure promotion. */
    outsideVersions = 0;
    collector = new FindingCollector();
    root;
    /** `flat`: package directory names that hold a legacy flat version (`<name>-<version>/manifest.yml`). */
    constructor(policy, channel, flat = new Set()) {
        this.policy = policy;
        this.channel = channel;
        this.flat = flat;
        this.root = policy.packagesRoot;
    }
    static of(policy, channel, paths, flat) {
        const scan = new PathScan(policy, channel, flat);
        for (const p of paths)
            scan.add(p);
        return scan;
    }
    report(rule, item) {
        const setting = ruleSetting(this.policy, this.channel, rule);
        if (setting !== 'off')
            this.collector.add({ rule, severity: setting, ...item });
    }
    add(p) {
        const prefix = `${this.root}/`;
        if (p.path.startsWith(prefix)) {
            const rest = p.path.slice(prefix.length);
            const slash = rest.indexOf('/');
            if (slash > 0)
                this.names.add(rest.slice(0, slash));
        }
        else if (p.path === 'Dockerfile')
            this.dockerfile = true;
        else if (p.path.startsWith('.github/')) {
            this.github.count++;
            if (this.github.paths.length < listedPaths)
                this.github.paths.push(p.path);
        }
        const place = this.place(p.path);
        if (place.kind !== 'unit' || place.problem !== undefined)
            this.outsideVersions++;
        if (p.status === 'deleted')
            return;
        const at = {
            path: p.path,
            ...(place.name !== undefined ? { package: place.name } : {}),
            ...(place.version ? { version: place.version } : {}),
        };
        const forbidden = isForbidden(this.policy.forbiddenPaths, p.path);
        if (forbidden)
            this.report('forbidden-path', {
                ...at,
                message: `matches the forbidden pattern "${forbidden}" (such paths are for development only)`,
            });
        if (place.kind === 'outside') {
            this.size(p, at);
            return;
        }
        if (place.problem)
            this.report('layout', { ...at, message: place.problem });
        if (p.invalidEncoding)
            this.report('layout', { ...at, message: 'the file name is not valid UTF-8' });
        if (controlCharacters.test(p.path))
            this.report('layout', { ...at, message: 'the file name contains control characters' });
        if (bidiControls.test(p.path))
            this.report('layout', {
                ...at,
                message: 'the file name contains Unicode bidirectional controls: it would display as another name than the one in the tree',
            });
        const limit = pathLimitProblem(p.path, `${packagePath(this.channel.name)}/${p.path.slice(this.root.length + 1)}`);
        if (limit)
            this.report('layout', { ...at, message: limit });
        if (place.kind === 'unit') {
            if (p.newMode === modeSymlink)
                this.report('layout', { ...at, message: 'a symbolic link; packages may not contain links' });
            if (p.newMode === modeSubmodule)
                this.report('layout', { ...at, message: 'a submodule; packages may not contain submodules' });
            const dashed = place.rest
                .split('/')
                .slice(0, -1)
                .find((d) => d.includes('-'));
            if (dashed !== undefined)
                this.report('layout', { ...at, message: dashMessage(dashed) });
        }
        this.size(p, at);
    }
    size(p, at) {
        if (p.size !== undefined && p.size > this.policy.limits.fileBytes)
            this.report('size', {
                ...at,
                message: `the file is larger than the limit of ${this.policy.limits.fileBytes} bytes (${p.size} bytes)`,
            });
    }
    /** Which version unit a path belongs to, and what is wrong with where it is. */
    place(path) {
        const prefix = `${this.root}/`;
        if (!path.startsWith(prefix))
            return { kind: 'outside' };
        const parts = path.slice(prefix.length).split('/');
        const name = parts[0];
        if (parts.length >= 2 && this.flat.has(name))
            return {
                kind: 'unit',
                name,
                version: '',
                rest: parts.slice(1).join('/'),
                problem: flatLayoutMessage(`${this.root}/${name}`),
            };
        const place = classifyPath(this.root, path);
        if (place.kind === 'version')
            return { kind: 'unit', name: place.name, version: place.version, rest: place.rest };
        if (place.kind === 'outside')
            return { kind: 'outside' };
        // Misplaced: still a unit when it is <root>/<name>/<version>/..., so findings group per version directory.
        const unit = parts.length >= 3 && name !== '' && parts[1] !== '';
        return unit
            ? { kind: 'unit', name, version: parts[1], rest: parts.slice(2).join('/'), problem: place.reason }
            : {
                kind: 'misplaced',
                ...(place.name !== undefined ? { name: place.name } : {}),
                problem: place.reason,
            };
    }
    /** The github-files notice: one finding for every `.github/` file the change touches on a channel branch. */
    githubFinding() {
        if (this.github.count === 0)
            return;
        const setting = ruleSetting(this.policy, this.channel, 'github-files');
        if (setting === 'off')
            return;
        const files = this.github.paths.map((p) => quote(p)).join(', ');
        this.collector.add({
            rule: 'github-files',
            severity: setting,
            standalone: true,
            path: this.github.paths[0],
            message: `the change touches .github/ on the channel branch ${this.channel.branch} (${this.github.count} file${this.github.count === 1 ? '' : 's'}: ${files}${this.github.count > this.github.paths.length ? ', …' : ''}): workflows there run on pushes to this branch, so review them like code; the policy itself is read from the default branch only`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/registry-version.ts
function registryVersionRule(ctx) {
    const r = ctx.input.registry;
    if (!r?.changed || r.before === r.after)
        return;
    const { channel } = ctx;
    ctx.report('registry-version', {
        path: 'Dockerfile',
        standalone: true,
        message: `the Dockerfile changes the package-registry that serves ${channel.name} from ${r.before ?? '(none)'} to ${r.after ?? '(none)'}`,
    }, 'notice');
    const pins = [{ channel: channel.name, version: r.after }, ...r.others].filter((p) => p.version !== undefined);
    if (new Set(pins.map((p) => p.version)).size > 1)
        ctx.report('registry-version', {
            path: 'Dockerfile',
            standalone: true,
            message: `after this change the channels pin different package-registry versions (${pins.map((p) => `${p.channel} ${p.version}`).join(', ')}): the same packages would be validated and served by different registries`,
        });
}

;// CONCATENATED MODULE: ./src/core/rules/removal.ts
// removal: a version leaves the channel. Allowed where the policy allows it, after a promotion (the identical copy
// is in a more stable channel, so it stays served), or by an approved exception; never where the setting is never.

const cleanupBranchPrefix = 'cleanup/';
function removalRule(ctx) {
    const { channel } = ctx;
    const isCleanup = ctx.input.headBranch?.startsWith(cleanupBranchPrefix) ?? false;
    for (const change of ctx.changes) {
        if (change.kind !== 'removed')
            continue;
        const { name, version } = change;
        const at = { ...versionAt(ctx.root, name, version), standalone: true };
        const base = `${versionLabel(name, version)} is removed from ${channel.branch}`;
        const leaked = ctx.foreignMarker(name);
        if (leaked.length > 0) {
            ctx.report('removal', {
                ...at,
                message: `${base}: the marker package of ${leaked.map((c) => c.name).join(', ')} leaked here; removing it is welcome`,
            }, 'notice');
            continue;
        }
        const promotedTo = ctx.stabler.find((c) => ctx.same(ctx.treeIn(c.name, name, version), change.before));
        const liftable = channel.removal === 'exception' || channel.removal === 'allow';
        if (channel.removal === 'never')
            ctx.violation('removal', { ...at, message: `${base}; versions are never removed from ${channel.name} (removal: never)` }, { liftable: false });
        else if (promotedTo) {
            const modes = ctx.modesOnly(ctx.treeIn(promotedTo.name, name, version), change.before)
                ? ' (its file modes differ; the bytes are the same)'
                : '';
            ctx.report('removal', { ...at, message: `${base}; allowed: the identical copy is in ${promotedTo.name}${modes}` }, 'notice');
        }
        else if (isCleanup)
            ctx.violation('removal', {
                ...at,
                message: `${base} by a cleanup, but no more stable channel holds the identical copy yet: merge the promotion first, or the version would be in no distribution`,
            }, { liftable });
        else if (channel.removal === 'promoted')
            ctx.violation('removal', {
                ...at,
                message: `${base}; ${channel.name} only removes versions whose identical copy is in a more stable channel`,
            }, { liftable: false });
        else if (channel.removal === 'exception')
            ctx.violation('removal', {
                ...at,
                message: `${base}; removing from ${channel.name} needs ${ctx.approvalHint}${ctx.stabler.length ? ', unless the identical copy is in a more stable channel' : ''}`,
            });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/shadowed.ts
// shadowed: the registry serves the first copy found, most stable channel first, so a copy with other content than
// a more stable channel's (the same directory, or the same version by semver precedence) is never served.


const shadowed_short = (tree) => (tree ? tree.slice(0, 12) : 'none');
function shadowedRule(ctx) {
    for (const change of ctx.changes) {
        // Legacy directories (not semver) are never served: the layout rule refuses new ones.
        if (change.after === undefined || precedenceKey(change.version) === undefined)
            continue;
        if (ctx.foreignMarker(change.name).length > 0 || ctx.modesOnlyChange(change))
            continue;
        const { name, version } = change;
        const at = { ...versionAt(ctx.root, name, version), standalone: true };
        const label = versionLabel(name, version);
        for (const other of ctx.stabler) {
            const tree = ctx.treeIn(other.name, name, version);
            if (tree !== undefined) {
                if (ctx.modesOnly(tree, change.after))
                    ctx.report('shadowed', {
                        ...at,
                        message: `${label} is also in ${other.name}, with the same bytes (only file modes differ); not shadowed`,
                    }, 'notice');
                else if (!ctx.same(tree, change.after))
                    ctx.violation('shadowed', {
                        ...at,
                        message: `${label} is already in ${other.name} with different content (tree ${shadowed_short(tree)}, here ${shadowed_short(change.after)}); the ${other.name} copy is served, this one never would be`,
                    });
            }
            const key = precedenceKey(version);
            if (key === undefined)
                continue;
            for (const [sibling, siblingTree] of ctx.input.holdings.get(other.name)?.get(name) ?? []) {
                if (sibling === version || precedenceKey(sibling) !== key || ctx.same(siblingTree, change.after))
                    continue;
                ctx.violation('shadowed', {
                    ...at,
                    message: `${label} is the same version as ${name}@${sibling} in ${other.name} (semver precedence ignores build metadata) with different content; the ${other.name} copy is served, this one never would be`,
                });
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/core/rules/size.ts
// size (version level): versions with more files than the limit, manifests too large to parse. Per-file sizes are
// checked in the path scan.

function sizeRule(ctx) {
    const { limits } = ctx.policy;
    for (const change of ctx.changes) {
        if (change.after === undefined)
            continue;
        const content = ctx.input.content.get(`${change.name}@${change.version}`);
        if (!content)
            continue;
        const at = versionAt(ctx.root, change.name, change.version);
        if (content.truncated)
            ctx.report('size', {
                ...at,
                standalone: true,
                message: `${versionLabel(change.name, change.version)} has more than ${limits.filesPerVersion} files (the limit); it was not read further`,
            });
        if (content.manifest && content.manifest.text === undefined)
            ctx.report('size', {
                ...at,
                path: `${at.path}/manifest.yml`,
                standalone: true,
                message: `manifest.yml is ${content.manifest.size} bytes; the limit is ${limits.manifestBytes} bytes, so it was not parsed`,
            });
    }
}

;// CONCATENATED MODULE: ./src/core/rules/title-prefix.ts
// title-prefix: every PR title names the branch it goes into (`[production] …`), so two PRs for the same package on
// different channels never read alike.


function titlePrefixRule(ctx) {
    const title = ctx.input.title;
    if (title === undefined)
        return;
    const prefix = titlePrefixFor(ctx.policy, ctx.channel.branch);
    if (!title.startsWith(prefix))
        ctx.violation('title-prefix', {
            standalone: true,
            message: `PR title must start with "${prefix}" (got ${quote(title)})`,
        });
}

;// CONCATENATED MODULE: ./src/core/rules/version-increment.ts
// version-increment: a channel that only grows by increments takes a new version only above every version of that
// package it holds, by semver precedence (build metadata ignored). Legacy directories that are not semver have no
// place in that order: they are left out, with a notice. Backports need an approved exception.


function versionIncrementRule(ctx) {
    const { channel } = ctx;
    if (!channel.versionIncrement)
        return;
    const noticed = new Set();
    for (const change of ctx.changes) {
        if (change.kind !== 'added')
            continue;
        const key = precedenceKey(change.version);
        if (key === undefined)
            continue; // not semver: the layout rule refuses it
        const existing = [...(ctx.before.get(change.name)?.keys() ?? [])].filter((v) => v !== change.version);
        for (const legacy of existing.filter((v) => precedenceKey(v) === undefined)) {
            if (noticed.has(`${change.name}/${legacy}`))
                continue;
            noticed.add(`${change.name}/${legacy}`);
            ctx.report('version-increment', {
                ...versionAt(ctx.root, change.name, legacy),
                standalone: true,
                message: `${ctx.root}/${change.name}/${legacy} on ${channel.name} is not a semver version directory (the registry skips it); version ordering leaves it out`,
            }, 'notice');
        }
        const notLower = existing.filter((v) => precedenceKey(v) !== undefined && compareVersions(v, change.version) >= 0);
        if (notLower.length === 0)
            continue;
        const highest = notLower.sort(compareVersions).at(-1);
        const same = compareVersions(highest, change.version) === 0;
        ctx.violation('version-increment', {
            ...versionAt(ctx.root, change.name, change.version),
            standalone: true,
            message: same
                ? `${change.name}@${change.version} is the same version as ${change.name}@${highest} already on ${channel.name} (semver precedence ignores build metadata); ${channel.name} only grows by version increments`
                : `${change.name}@${change.version} is not greater than ${change.name}@${highest} already on ${channel.name}; ${channel.name} only grows by version increments (a backport needs ${ctx.approvalHint})`,
        });
    }
}

;// CONCATENATED MODULE: ./src/core/validate.ts
// The policy check as a pure function: (policy, what the channels hold, what the change does) -> findings, one
// function per rule over a shared context (src/core/rules/), one finding per version and rule.
















/** Every rule, in report order. The path rules (layout, forbidden-path, size, github-files) also run in the scan. */
const rules = [
    titlePrefixRule,
    layoutRule,
    sizeRule,
    manifestRule,
    markerRule,
    frozenRule,
    overwriteRule,
    removalRule,
    versionIncrementRule,
    shadowedRule,
    notPromotedRule,
    registryVersionRule,
];
/** Package directory names under the packages root that hold a legacy flat version (`manifest.yml` directly). */
function flatNames(...holdings) {
    const flat = new Set();
    for (const h of holdings)
        for (const [name, versions] of h ?? [])
            if (versions.has(''))
                flat.add(name);
    return flat;
}
/** Package directory names a set of changed paths touches (any path below `<root>/<name>/`, deletions too). */
function touchedNames(policy, paths) {
    const names = new Set();
    const prefix = `${policy.packagesRoot}/`;
    for (const p of paths) {
        if (!p.path.startsWith(prefix))
            continue;
        const slash = p.path.indexOf('/', prefix.length);
        if (slash > prefix.length)
            names.add(p.path.slice(prefix.length, slash));
    }
    return [...names].sort();
}
function validateChange(input) {
    const { policy, channel } = input;
    const before = input.holdings.get(channel.name);
    const scan = input.paths instanceof PathScan
        ? input.paths
        : PathScan.of(policy, channel, input.paths, flatNames(before, input.after));
    const changes = versionChanges(scan.names, before ?? new Map(), input.after);
    const ctx = createContext(input, scan, scan.collector, changes);
    for (const rule of rules)
        rule(ctx);
    scan.githubFinding();
    const findings = scan.collector.findings();
    const verdicts = changes.map((change) => {
        const own = findings.filter((f) => f.package === change.name && (f.version ?? '') === change.version);
        const verdict = own.some((f) => f.severity === 'error')
            ? 'fail'
            : own.some((f) => f.severity === 'warning')
                ? 'warning'
                : own.some((f) => f.exception !== undefined)
                    ? 'exception'
                    : 'pass';
        return {
            ...change,
            verdict,
            rules: [...new Set(own.filter((f) => f.severity !== 'notice' || f.exception).map((f) => f.rule))],
        };
    });
    return { findings, changes: verdicts };
}

;// CONCATENATED MODULE: ./src/validate/engine.ts
// Gathers what the policy core needs from git and runs it. Shared by the action, the CLI, promote and audit;
// callers decide which commits are "before", "after" and the other channels' tips (fetching them in CI, resolving
// them locally). Memory is bounded by the change: the diff streams through the path rules in batches, version
// contents are read a few at a time and reduced to what the rules need, nothing keeps a file list.








/** Paths sized per batch while the diff streams. */
const pathBatch = 512;
/** Versions read at once. */
const contentConcurrency = 8;
/** Streams the diff through the path rules; only a batch of paths is alive at a time. */
async function scanChange(reader, scan, before, after) {
    let count = 0;
    let batch = [];
    const flush = async () => {
        await reader.addSizes(batch);
        for (const p of batch)
            scan.add(p);
        batch = [];
    };
    for await (const p of reader.changes(before, after)) {
        count++;
        batch.push(p);
        if (batch.length >= pathBatch)
            await flush();
    }
    await flush();
    return count;
}
/** The Kibana range of each copy of a changed version (for "what users will see"); the manifests are small. */
async function kibanaRanges(reader, changes, holdings, after, content, manifestBytes) {
    const ranges = new Map();
    const rangeOf = (text, name, version) => checkManifest(text, { name, version }, { hasReadme: true }).fields.kibanaRange;
    const wanted = new Map();
    for (const c of changes) {
        const text = content.get(versionKey(c.name, c.version))?.manifest?.text;
        const range = c.after && text !== undefined ? rangeOf(text, c.name, c.version) : undefined;
        if (c.after && range !== undefined)
            ranges.set(c.after, range);
        for (const h of [...holdings.values(), after]) {
            const tree = h.get(c.name)?.get(c.version);
            if (tree !== undefined && tree !== c.after)
                wanted.set(tree, { name: c.name, version: c.version });
        }
    }
    await mapLimit([...wanted], contentConcurrency, async ([tree, v]) => {
        const entry = await reader.objects.lookup(tree, 'manifest.yml');
        if (entry?.type !== 'blob')
            return;
        const size = (await reader.objects.info(entry.oid))?.size ?? 0;
        if (size > manifestBytes)
            return;
        const text = (await reader.objects.read(entry.oid))?.content.toString('utf8');
        const range = text === undefined ? undefined : rangeOf(text, v.name, v.version);
        if (range !== undefined)
            ranges.set(tree, range);
    });
    return ranges;
}
/**
 * Trees whose content identity the rules compare: for each changed version, its trees before and after, every
 * channel's copy and the copies of the versions equal to it by semver precedence. Only where two differ.
 */
function treesToCompare(changes, holdings, after) {
    const wanted = new Set();
    for (const change of changes) {
        const trees = new Set();
        if (change.before)
            trees.add(change.before);
        if (change.after)
            trees.add(change.after);
        const key = precedenceKey(change.version);
        for (const h of [...holdings.values(), after])
            for (const [version, tree] of h.get(change.name) ?? [])
                if (version === change.version || (key !== undefined && precedenceKey(version) === key))
                    trees.add(tree);
        if (trees.size > 1)
            for (const t of trees)
                wanted.add(t);
    }
    return wanted;
}
async function registryVersions(reader, policy, channel, request) {
    const pinned = async (rev) => rev === undefined ? undefined : registryVersionFromDockerfile(await reader.readFile(rev, 'Dockerfile'));
    const [before, after] = await Promise.all([pinned(request.before), pinned(request.after)]);
    const others = await Promise.all(policy.channels
        .filter((c) => c !== channel)
        .map(async (c) => {
        const version = await pinned(request.channelTips.get(c.name));
        return { channel: c.name, ...(version !== undefined ? { version } : {}) };
    }));
    return {
        changed: true,
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
        others,
    };
}
async function evaluate(request) {
    const { policy, channel } = request;
    const reader = request.reader ?? new StorageReader(request.repoDir, policy.packagesRoot);
    try {
        const names = await reader.changedNames(request.before, request.after);
        const holdings = new Map();
        await Promise.all(policy.channels.map(async (c) => {
            const rev = c.name === channel.name ? request.before : request.channelTips.get(c.name);
            holdings.set(c.name, await reader.holdings(rev, names));
        }));
        const after = await reader.holdings(request.after, names);
        const before = holdings.get(channel.name) ?? new Map();
        const scan = new PathScan(policy, channel, flatNames(before, after));
        const limits = {
            manifestBytes: policy.limits.manifestBytes,
            filesPerVersion: policy.limits.filesPerVersion,
        };
        const changes = versionChanges(names, before, after);
        const content = new Map();
        const identities = new Map();
        const added = changes.filter((c) => c.after !== undefined);
        const addedTrees = new Set(added.map((c) => c.after));
        const compared = policy.identity === 'content' ? treesToCompare(changes, holdings, after) : new Set();
        // The stages below read different trees and need nothing from each other: side by side, their reads share
        // the batch process's round trips instead of waiting for each other's.
        const [pathCount, malformed] = await Promise.all([
            scanChange(reader, scan, request.before, request.after),
            reader.malformedEntries(request.after, names),
            mapLimit(added, contentConcurrency, async (c) => content.set(versionKey(c.name, c.version), await reader.versionContent(c.after, limits))),
            // A changed version's own tree gets its identity from its content (read above), the others here.
            mapLimit([...compared].filter((t) => !addedTrees.has(t)), contentConcurrency, async (tree) => {
                const id = await reader.contentIdentity(tree, limits.filesPerVersion);
                if (id !== undefined)
                    identities.set(tree, id);
            }),
        ]);
        for (const c of added) {
            const id = content.get(versionKey(c.name, c.version))?.identity;
            if (id !== undefined && compared.has(c.after))
                identities.set(c.after, id);
        }
        const result = validateChange({
            policy,
            channel,
            ...(request.title !== undefined ? { title: request.title } : {}),
            ...(request.headBranch !== undefined ? { headBranch: request.headBranch } : {}),
            ...(request.approval ? { approval: request.approval } : {}),
            paths: scan,
            holdings,
            after,
            content,
            identities,
            malformed,
            ...(scan.dockerfile ? { registry: await registryVersions(reader, policy, channel, request) } : {}),
        });
        const facts = request.describe
            ? {
                holdings,
                after,
                identities,
                pathsOutsideVersions: scan.outsideVersions,
                kibana: await kibanaRanges(reader, changes, holdings, after, content, limits.manifestBytes),
            }
            : undefined;
        return { ...result, pathCount, ...(facts ? { facts } : {}) };
    }
    finally {
        if (!request.reader)
            reader.close();
    }
}

;// CONCATENATED MODULE: ./src/validate/audit.ts
// The state of a storage repository across its channels, for maintainers about to turn the check on: the same
// version with different content in two channels, versions identical to a more stable copy (pending cleanups),
// markers on the wrong channel, legacy layouts, versions the registry would refuse, registry-version drift.








/** The registry's own refusals (a package that does not load), as the rules report them. */
const registryRules = new Set(['layout', 'manifest', 'size']);
async function auditState(repoDir, policy, tips) {
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const holdings = new Map();
        const audit = {
            channels: [],
            conflicts: [],
            pendingCleanups: [],
            misplacedMarkers: [],
            legacy: [],
            refused: [],
            drift: false,
        };
        for (const c of policy.channels) {
            const tip = tips.get(c.name);
            const versions = await reader.allVersions(tip);
            const h = new Map();
            for (const v of versions) {
                if (!h.has(v.name))
                    h.set(v.name, new Map());
                h.get(v.name).set(v.version, v.tree);
                if (v.version === '')
                    audit.legacy.push({ name: v.name, version: '', channel: c.name, kind: 'flat' });
                else if (precedenceKey(v.version) === undefined)
                    audit.legacy.push({ name: v.name, version: v.version, channel: c.name, kind: 'not-semver' });
                const owners = markerChannels(policy, v.name).filter((o) => o !== c);
                if (owners.length && !c.markers.includes(v.name))
                    audit.misplacedMarkers.push({
                        name: v.name,
                        version: v.version,
                        channel: c.name,
                        markerOf: owners.map((o) => o.name),
                    });
            }
            holdings.set(c.name, h);
            const registry = tip
                ? (registryVersionFromDockerfile(await reader.readFile(tip, 'Dockerfile')) ?? null)
                : null;
            audit.channels.push({ channel: c.name, tip: tip ?? null, versions: versions.length, registry });
        }
        const pins = new Set(audit.channels.map((c) => c.registry).filter((r) => r !== null));
        audit.drift = pins.size > 1;
        // Content identities only where two channels hold different trees for one version.
        const identities = new Map();
        const limit = policy.limits.filesPerVersion;
        for (const [i, c] of policy.channels.entries())
            for (const [name, versions] of holdings.get(c.name))
                for (const [version, tree] of versions)
                    for (const other of policy.channels.slice(0, i)) {
                        const theirs = treeOf(holdings.get(other.name), name, version);
                        if (theirs === undefined || theirs === tree || policy.identity !== 'content')
                            continue;
                        for (const t of [tree, theirs])
                            if (!identities.has(t)) {
                                const id = await reader.contentIdentity(t, limit);
                                if (id !== undefined)
                                    identities.set(t, id);
                            }
                    }
        for (const c of policy.channels) {
            for (const [name, versions] of holdings.get(c.name))
                for (const [version, tree] of versions) {
                    if (markerChannels(policy, name).length > 0)
                        continue;
                    const stabler = moreStable(policy, c);
                    const identical = stabler.find((s) => sameContent(identities, treeOf(holdings.get(s.name), name, version), tree));
                    if (identical)
                        audit.pendingCleanups.push({
                            name,
                            version,
                            channel: c.name,
                            identicalIn: identical.name,
                            modesDiffer: treeOf(holdings.get(identical.name), name, version) !== tree,
                        });
                }
        }
        const seen = new Set();
        for (const c of policy.channels)
            for (const [name, versions] of holdings.get(c.name))
                for (const version of versions.keys()) {
                    const key = `${name}@${version}`;
                    if (seen.has(key))
                        continue;
                    seen.add(key);
                    const copies = policy.channels
                        .map((ch) => ({ channel: ch.name, tree: treeOf(holdings.get(ch.name), name, version) }))
                        .filter((x) => x.tree !== undefined);
                    if (copies.length < 2)
                        continue;
                    const distinct = copies.filter((x, i) => !copies.slice(0, i).some((y) => sameContent(identities, x.tree, y.tree)));
                    if (distinct.length > 1)
                        audit.conflicts.push({ name, version, copies, served: copies[0].channel });
                }
        // What the registry would refuse: each channel's whole content checked as if it arrived on an empty branch,
        // keeping the registry's own rules (one shared reader, the diff streamed).
        for (const c of policy.channels) {
            const tip = tips.get(c.name);
            if (!tip)
                continue;
            const outcome = await evaluate({
                repoDir,
                policy,
                channel: c,
                before: emptyTreeId,
                after: tip,
                channelTips: new Map(),
                reader,
            });
            // Legacy directories are skipped by the registry, not refused: they are listed as legacy.
            const isLegacy = (f) => audit.legacy.some((l) => l.channel === c.name && l.name === f.package && (l.version || undefined) === f.version);
            for (const f of outcome.findings)
                if (f.severity === 'error' && registryRules.has(f.rule) && !isLegacy(f))
                    audit.refused.push({ ...f, channel: c.name });
        }
        return audit;
    }
    finally {
        reader.close();
    }
}

;// CONCATENATED MODULE: ./src/validate/history.ts
// What validate would have said on a channel's history: each first-parent commit of the channel in a range,
// checked as a PR into the channel (its first parent before, the commit after), with the other channels at their
// first-parent tips as of that commit's date. One process and one object reader for the whole replay.




/** First-parent commits of `range` (`A..B`, or `..B` for the whole history), oldest first. */
async function firstParentCommits(repoDir, range) {
    const spec = range.startsWith('..') ? range.slice(2) : range;
    const result = await git_gitRaw(['rev-list', '--first-parent', '--reverse', '--format=%H%x00%P%x00%ct%x00%s', '--end-of-options', spec], { cwd: repoDir });
    const listed = [];
    for (const line of result.stdout.toString('utf8').split('\n')) {
        if (line.startsWith('commit ') || line === '')
            continue;
        const [sha, parents, time, subject] = line.split('\0');
        const parent = parents?.split(' ').find((p) => p.length > 0);
        listed.push({ sha: sha, time: Number(time), subject: subject ?? '', ...(parent ? { parent } : {}) });
    }
    return listed;
}
/** A branch's first-parent tips by date: the latest commit at or before a time. */
class TipsByDate {
    commits;
    constructor(commits) {
        this.commits = commits;
    }
    static async of(repoDir, tip) {
        return new TipsByDate(tip ? await firstParentCommits(repoDir, `..${tip}`) : []);
    }
    /** The most recent first-parent commit dated at or before `time` (undefined: the branch did not exist yet). */
    at(time) {
        for (let i = this.commits.length - 1; i >= 0; i--)
            if (this.commits[i].time <= time)
                return this.commits[i].sha;
        return undefined;
    }
}
async function replayHistory(request) {
    const { repoDir, policy, channel } = request;
    const commits = await firstParentCommits(repoDir, request.range);
    const others = policy.channels.filter((c) => c !== channel);
    const tipsByDate = new Map(await Promise.all(others.map(async (c) => [c.name, await TipsByDate.of(repoDir, request.tips.get(c.name))])));
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    const report = { channel: channel.name, range: request.range, commits: [], byRule: {} };
    try {
        for (const [index, commit] of commits.entries()) {
            const channelTips = new Map(others.map((c) => [c.name, tipsByDate.get(c.name).at(commit.time)]));
            const outcome = await evaluate({
                repoDir,
                policy,
                channel,
                before: commit.parent ?? emptyTreeId,
                after: commit.sha,
                channelTips,
                reader,
                ...(request.titles ? { title: commit.subject } : {}),
            });
            const errors = [
                ...new Set(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.rule)),
            ].sort();
            const warnings = [
                ...new Set(outcome.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)),
            ];
            const verdict = failed(outcome.findings) ? 'fail' : warnings.length ? 'warning' : 'pass';
            const entry = {
                sha: commit.sha,
                time: commit.time,
                subject: commit.subject,
                verdict,
                errors,
                warnings,
                findings: outcome.findings,
                versions: outcome.changes.length,
            };
            for (const rule of errors)
                (report.byRule[rule] ??= { errors: 0, warnings: 0 }).errors++;
            for (const rule of warnings)
                (report.byRule[rule] ??= { errors: 0, warnings: 0 }).warnings++;
            report.commits.push(entry);
            request.onCommit?.(entry, index, commits.length);
        }
    }
    finally {
        reader.close();
    }
    return report;
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
// Command-line parsing on node:util parseArgs with usage errors instead of stack traces. `-h`/`--help` is declared
// here for every command, so no command can lack it or handle it differently.


const helpOption = { help: { type: 'boolean', short: 'h' } };
/**
 * Thrown by parse() when `-h` or `--help` is given, before any other check: `invoke()` prints the command's usage
 * and exits 0. Carries the command's option declarations (what the help test checks the usage text against).
 */
class HelpRequested extends Error {
    command;
    options;
    constructor(command, options) {
        super(`package-storage ${command} --help`);
        this.command = command;
        this.options = options;
        this.name = 'HelpRequested';
    }
}
/** parseArgs's message, as one line that names the option and what to do. */
function usageMessage(error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Option '--title' argument is ambiguous.\nDid you forget…": a string option followed by something option-like.
    const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(message);
    if (ambiguous)
        return `${ambiguous[1]} needs a value (a value that starts with "-" is written ${ambiguous[1]}=VALUE)`;
    const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
    if (missing)
        return `${missing[1]} needs a value`;
    return message.split('\n')[0].replace(/\. To specify.*$/, '');
}
function parse(command, argv, options) {
    const all = { ...options, ...helpOption };
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options: all, strict: true, allowPositionals: false }).values;
    }
    catch (error) {
        throw new UsageError(`${usageMessage(error)} (see: package-storage ${command} --help)`);
    }
    if (values.help)
        throw new HelpRequested(command, options);
    return values;
}
function required(command, values, ...names) {
    for (const name of names)
        if (values[name] === undefined || values[name] === '')
            throw new UsageError(`--${name} is required (see: package-storage ${command} --help)`);
}
function list(value) {
    return (value ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(214);
;// CONCATENATED MODULE: ./src/core/policy-validator.generated.ts
/* eslint-disable */
// @ts-nocheck
// Generated by scripts/policy-validator.js from schema/package-storage.schema.json: do not edit.

const validate = (/* unused pure expression or super */ null && (validate10));
/* harmony default export */ const policy_validator_generated = (validate10);
const schema11 = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/package-storage-actions/schema/package-storage.schema.json',
    title: 'package-storage policy (.github/package-storage.yml)',
    description: 'Policy of a package-storage repository, read from its default branch. Every key is optional; without the file the built-in defaults apply (production, staging, snapshot).',
    type: 'object',
    additionalProperties: false,
    properties: {
        'packages-root': {
            description: 'Directory holding <name>/<version>/ on every channel branch.',
            type: 'string',
            pattern: '^[^/\\s][^\\s]*[^/\\s]$|^[^/\\s]$',
            default: 'packages',
        },
        channels: {
            description: 'Channels, most stable first. Replaces the built-in list; fields a channel omits come from the built-in channel of the same name.',
            type: 'array',
            minItems: 1,
            items: { $ref: '#/definitions/channel' },
        },
        promotions: {
            description: 'Allowed promotion edges. Default: each channel to the next more stable one.',
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['from', 'to'],
                properties: { from: { type: 'string', minLength: 1 }, to: { type: 'string', minLength: 1 } },
            },
        },
        identity: {
            description: 'When two copies of a version are the same. content: every path holds the same blob (file modes are not content: the registry serves bytes; a mode-only difference is a notice). tree: the git tree ids are equal, modes included.',
            enum: ['content', 'tree'],
            default: 'content',
        },
        'title-prefix': {
            description: 'Required PR title prefix; {branch} is the base branch.',
            type: 'string',
            minLength: 1,
            default: '[{branch}]',
        },
        'exception-label': {
            description: "Label that asks for an exception. It counts only when bound to the PR's current head commit by a user the channel allows (channels[].exception-approvers): an approving review of that commit, or the label applied after the commit was pushed. An approved exception turns violations of overwrite, removal, version-increment, not-promoted, shadowed, title-prefix and frozen into notices, except where the channel's setting is never.",
            type: 'string',
            minLength: 1,
            default: 'policy-exception',
        },
        'forbidden-paths': {
            description: 'minimatch patterns (repository-relative) no change may add or modify.',
            type: 'array',
            items: { type: 'string', minLength: 1 },
            default: ['**/_*', '**/_*/**'],
        },
        exceptions: {
            description: 'Approved exceptions for named versions (reviewed changes on the default branch). Each lifts the listed rules for that version, on one channel or all; a channel setting of never is never lifted.',
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['package', 'rules'],
                properties: {
                    package: {
                        type: 'string',
                        pattern: '^[a-z0-9_]+@[^@/\\s]+$',
                        description: 'name@version: a strict semver version, or an existing legacy version directory such as 7.17-dev1',
                    },
                    channel: { type: 'string', minLength: 1 },
                    rules: {
                        type: 'array',
                        minItems: 1,
                        items: {
                            enum: ['overwrite', 'removal', 'version-increment', 'not-promoted', 'shadowed', 'frozen'],
                        },
                    },
                    reason: { type: 'string' },
                },
            },
        },
        rules: { $ref: '#/definitions/rules' },
        limits: {
            type: 'object',
            additionalProperties: false,
            properties: {
                'manifest-bytes': { type: 'integer', minimum: 1, default: 1048576 },
                'file-bytes': { type: 'integer', minimum: 1, default: 104857600 },
                'files-per-version': { type: 'integer', minimum: 1, default: 20000 },
            },
        },
        release: {
            type: 'object',
            additionalProperties: false,
            properties: {
                'allow-overwrite': {
                    description: 'Allow moving an existing release tag (git tag or image tag), e.g. for build candidates.',
                    type: 'boolean',
                    default: false,
                },
            },
        },
    },
    definitions: {
        rules: {
            description: 'How each rule reports: error fails the check, warning and notice annotate, off is silent. merge-conflict always fails and is not listed.',
            type: 'object',
            additionalProperties: false,
            properties: {
                'title-prefix': { $ref: '#/definitions/setting' },
                layout: { $ref: '#/definitions/setting' },
                'forbidden-path': { $ref: '#/definitions/setting' },
                manifest: { $ref: '#/definitions/setting' },
                size: { $ref: '#/definitions/setting' },
                overwrite: { $ref: '#/definitions/setting' },
                removal: { $ref: '#/definitions/setting' },
                'version-increment': { $ref: '#/definitions/setting' },
                shadowed: { $ref: '#/definitions/setting' },
                'not-promoted': { $ref: '#/definitions/setting' },
                frozen: { $ref: '#/definitions/setting' },
                marker: { $ref: '#/definitions/setting' },
                'registry-version': { $ref: '#/definitions/setting' },
                'github-files': { $ref: '#/definitions/setting' },
            },
        },
        setting: { enum: ['error', 'warning', 'notice', 'off'] },
        channel: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
                name: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
                branch: { type: 'string', minLength: 1, description: 'Default: the channel name.' },
                arrival: { enum: ['direct', 'promotion'], description: 'How a new version gets in.' },
                overwrite: { enum: ['allow', 'exception', 'never'] },
                removal: {
                    enum: ['allow', 'exception', 'promoted', 'never'],
                    description: 'exception: with an approved exception, or when the identical copy is in a more stable channel; promoted: only the latter; never: nothing lifts it.',
                },
                'version-increment': { type: 'boolean' },
                'direct-commits': {
                    type: 'boolean',
                    description: 'Whether promote/cleanup may commit straight to the branch instead of opening a PR.',
                },
                markers: {
                    type: 'array',
                    items: { type: 'string', pattern: '^[a-z0-9_]+$' },
                    description: 'Marker packages of this channel (e.g. snapshot/0.0.1): they stay on it, are never promoted, and every other channel refuses them.',
                },
                frozen: {
                    type: 'boolean',
                    default: false,
                    description: 'No package may be added, changed or removed on this branch (a frozen violation); images can still be published.',
                },
                'exception-approvers': {
                    enum: ['maintain', 'admin'],
                    description: 'Lowest repository role whose label or review approves an exception for a change to this channel. Default: admin for production, maintain for the others.',
                },
                'image-layers': {
                    type: 'integer',
                    minimum: 1,
                    maximum: 64,
                    description: "Layers this channel's packages are split into in the distribution images (by a stable hash of name/version). Default: production 32, staging 8, snapshot 16, others 16.",
                },
                rules: { $ref: '#/definitions/rules' },
            },
        },
    },
};
const func2 = Object.prototype.hasOwnProperty;
const func4 = ucs2length/* default.default */.A["default"] ?? ucs2length/* default */.A;
const pattern0 = new RegExp('^[^/\\s][^\\s]*[^/\\s]$|^[^/\\s]$', 'u');
const pattern3 = new RegExp('^[a-z0-9_]+@[^@/\\s]+$', 'u');
const schema12 = {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
        name: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
        branch: { type: 'string', minLength: 1, description: 'Default: the channel name.' },
        arrival: { enum: ['direct', 'promotion'], description: 'How a new version gets in.' },
        overwrite: { enum: ['allow', 'exception', 'never'] },
        removal: {
            enum: ['allow', 'exception', 'promoted', 'never'],
            description: 'exception: with an approved exception, or when the identical copy is in a more stable channel; promoted: only the latter; never: nothing lifts it.',
        },
        'version-increment': { type: 'boolean' },
        'direct-commits': {
            type: 'boolean',
            description: 'Whether promote/cleanup may commit straight to the branch instead of opening a PR.',
        },
        markers: {
            type: 'array',
            items: { type: 'string', pattern: '^[a-z0-9_]+$' },
            description: 'Marker packages of this channel (e.g. snapshot/0.0.1): they stay on it, are never promoted, and every other channel refuses them.',
        },
        frozen: {
            type: 'boolean',
            default: false,
            description: 'No package may be added, changed or removed on this branch (a frozen violation); images can still be published.',
        },
        'exception-approvers': {
            enum: ['maintain', 'admin'],
            description: 'Lowest repository role whose label or review approves an exception for a change to this channel. Default: admin for production, maintain for the others.',
        },
        'image-layers': {
            type: 'integer',
            minimum: 1,
            maximum: 64,
            description: "Layers this channel's packages are split into in the distribution images (by a stable hash of name/version). Default: production 32, staging 8, snapshot 16, others 16.",
        },
        rules: { $ref: '#/definitions/rules' },
    },
};
const pattern1 = new RegExp('^[a-z0-9][a-z0-9._-]*$', 'u');
const pattern2 = new RegExp('^[a-z0-9_]+$', 'u');
const schema13 = {
    description: 'How each rule reports: error fails the check, warning and notice annotate, off is silent. merge-conflict always fails and is not listed.',
    type: 'object',
    additionalProperties: false,
    properties: {
        'title-prefix': { $ref: '#/definitions/setting' },
        layout: { $ref: '#/definitions/setting' },
        'forbidden-path': { $ref: '#/definitions/setting' },
        manifest: { $ref: '#/definitions/setting' },
        size: { $ref: '#/definitions/setting' },
        overwrite: { $ref: '#/definitions/setting' },
        removal: { $ref: '#/definitions/setting' },
        'version-increment': { $ref: '#/definitions/setting' },
        shadowed: { $ref: '#/definitions/setting' },
        'not-promoted': { $ref: '#/definitions/setting' },
        frozen: { $ref: '#/definitions/setting' },
        marker: { $ref: '#/definitions/setting' },
        'registry-version': { $ref: '#/definitions/setting' },
        'github-files': { $ref: '#/definitions/setting' },
    },
};
const schema14 = { enum: ['error', 'warning', 'notice', 'off'] };
function validate12(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!func2.call(schema13.properties, key0)) {
                const err0 = {
                    instancePath,
                    schemaPath: '#/additionalProperties',
                    keyword: 'additionalProperties',
                    params: { additionalProperty: key0 },
                    message: 'must NOT have additional properties',
                    schema: false,
                    parentSchema: schema13,
                    data,
                };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        if (data['title-prefix'] !== undefined) {
            let data0 = data['title-prefix'];
            if (!(data0 === 'error' || data0 === 'warning' || data0 === 'notice' || data0 === 'off')) {
                const err1 = {
                    instancePath: instancePath + '/title-prefix',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data0,
                };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
        }
        if (data.layout !== undefined) {
            let data1 = data.layout;
            if (!(data1 === 'error' || data1 === 'warning' || data1 === 'notice' || data1 === 'off')) {
                const err2 = {
                    instancePath: instancePath + '/layout',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data1,
                };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
        }
        if (data['forbidden-path'] !== undefined) {
            let data2 = data['forbidden-path'];
            if (!(data2 === 'error' || data2 === 'warning' || data2 === 'notice' || data2 === 'off')) {
                const err3 = {
                    instancePath: instancePath + '/forbidden-path',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data2,
                };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.manifest !== undefined) {
            let data3 = data.manifest;
            if (!(data3 === 'error' || data3 === 'warning' || data3 === 'notice' || data3 === 'off')) {
                const err4 = {
                    instancePath: instancePath + '/manifest',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data3,
                };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
        }
        if (data.size !== undefined) {
            let data4 = data.size;
            if (!(data4 === 'error' || data4 === 'warning' || data4 === 'notice' || data4 === 'off')) {
                const err5 = {
                    instancePath: instancePath + '/size',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data4,
                };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
        }
        if (data.overwrite !== undefined) {
            let data5 = data.overwrite;
            if (!(data5 === 'error' || data5 === 'warning' || data5 === 'notice' || data5 === 'off')) {
                const err6 = {
                    instancePath: instancePath + '/overwrite',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data5,
                };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        if (data.removal !== undefined) {
            let data6 = data.removal;
            if (!(data6 === 'error' || data6 === 'warning' || data6 === 'notice' || data6 === 'off')) {
                const err7 = {
                    instancePath: instancePath + '/removal',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data6,
                };
                if (vErrors === null) {
                    vErrors = [err7];
                }
                else {
                    vErrors.push(err7);
                }
                errors++;
            }
        }
        if (data['version-increment'] !== undefined) {
            let data7 = data['version-increment'];
            if (!(data7 === 'error' || data7 === 'warning' || data7 === 'notice' || data7 === 'off')) {
                const err8 = {
                    instancePath: instancePath + '/version-increment',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data7,
                };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
        }
        if (data.shadowed !== undefined) {
            let data8 = data.shadowed;
            if (!(data8 === 'error' || data8 === 'warning' || data8 === 'notice' || data8 === 'off')) {
                const err9 = {
                    instancePath: instancePath + '/shadowed',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data8,
                };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data['not-promoted'] !== undefined) {
            let data9 = data['not-promoted'];
            if (!(data9 === 'error' || data9 === 'warning' || data9 === 'notice' || data9 === 'off')) {
                const err10 = {
                    instancePath: instancePath + '/not-promoted',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data9,
                };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
        }
        if (data.frozen !== undefined) {
            let data10 = data.frozen;
            if (!(data10 === 'error' || data10 === 'warning' || data10 === 'notice' || data10 === 'off')) {
                const err11 = {
                    instancePath: instancePath + '/frozen',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data10,
                };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
        if (data.marker !== undefined) {
            let data11 = data.marker;
            if (!(data11 === 'error' || data11 === 'warning' || data11 === 'notice' || data11 === 'off')) {
                const err12 = {
                    instancePath: instancePath + '/marker',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data11,
                };
                if (vErrors === null) {
                    vErrors = [err12];
                }
                else {
                    vErrors.push(err12);
                }
                errors++;
            }
        }
        if (data['registry-version'] !== undefined) {
            let data12 = data['registry-version'];
            if (!(data12 === 'error' || data12 === 'warning' || data12 === 'notice' || data12 === 'off')) {
                const err13 = {
                    instancePath: instancePath + '/registry-version',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data12,
                };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        if (data['github-files'] !== undefined) {
            let data13 = data['github-files'];
            if (!(data13 === 'error' || data13 === 'warning' || data13 === 'notice' || data13 === 'off')) {
                const err14 = {
                    instancePath: instancePath + '/github-files',
                    schemaPath: '#/definitions/setting/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema14.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema14.enum,
                    parentSchema: schema14,
                    data: data13,
                };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
    }
    else {
        const err15 = {
            instancePath,
            schemaPath: '#/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema13.type,
            parentSchema: schema13,
            data,
        };
        if (vErrors === null) {
            vErrors = [err15];
        }
        else {
            vErrors.push(err15);
        }
        errors++;
    }
    validate12.errors = vErrors;
    return errors === 0;
}
function validate11(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
    let vErrors = null;
    let errors = 0;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
        if (data.name === undefined) {
            const err0 = {
                instancePath,
                schemaPath: '#/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema12.required,
                parentSchema: schema12,
                data,
            };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
        for (const key0 in data) {
            if (!func2.call(schema12.properties, key0)) {
                const err1 = {
                    instancePath,
                    schemaPath: '#/additionalProperties',
                    keyword: 'additionalProperties',
                    params: { additionalProperty: key0 },
                    message: 'must NOT have additional properties',
                    schema: false,
                    parentSchema: schema12,
                    data,
                };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
        }
        if (data.name !== undefined) {
            let data0 = data.name;
            if (typeof data0 === 'string') {
                if (!pattern1.test(data0)) {
                    const err2 = {
                        instancePath: instancePath + '/name',
                        schemaPath: '#/properties/name/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[a-z0-9][a-z0-9._-]*$' },
                        message: 'must match pattern "' + '^[a-z0-9][a-z0-9._-]*$' + '"',
                        schema: '^[a-z0-9][a-z0-9._-]*$',
                        parentSchema: schema12.properties.name,
                        data: data0,
                    };
                    if (vErrors === null) {
                        vErrors = [err2];
                    }
                    else {
                        vErrors.push(err2);
                    }
                    errors++;
                }
            }
            else {
                const err3 = {
                    instancePath: instancePath + '/name',
                    schemaPath: '#/properties/name/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema12.properties.name.type,
                    parentSchema: schema12.properties.name,
                    data: data0,
                };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.branch !== undefined) {
            let data1 = data.branch;
            if (typeof data1 === 'string') {
                if (func4(data1) < 1) {
                    const err4 = {
                        instancePath: instancePath + '/branch',
                        schemaPath: '#/properties/branch/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema12.properties.branch,
                        data: data1,
                    };
                    if (vErrors === null) {
                        vErrors = [err4];
                    }
                    else {
                        vErrors.push(err4);
                    }
                    errors++;
                }
            }
            else {
                const err5 = {
                    instancePath: instancePath + '/branch',
                    schemaPath: '#/properties/branch/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema12.properties.branch.type,
                    parentSchema: schema12.properties.branch,
                    data: data1,
                };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
        }
        if (data.arrival !== undefined) {
            let data2 = data.arrival;
            if (!(data2 === 'direct' || data2 === 'promotion')) {
                const err6 = {
                    instancePath: instancePath + '/arrival',
                    schemaPath: '#/properties/arrival/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema12.properties.arrival.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema12.properties.arrival.enum,
                    parentSchema: schema12.properties.arrival,
                    data: data2,
                };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
        }
        if (data.overwrite !== undefined) {
            let data3 = data.overwrite;
            if (!(data3 === 'allow' || data3 === 'exception' || data3 === 'never')) {
                const err7 = {
                    instancePath: instancePath + '/overwrite',
                    schemaPath: '#/properties/overwrite/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema12.properties.overwrite.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema12.properties.overwrite.enum,
                    parentSchema: schema12.properties.overwrite,
                    data: data3,
                };
                if (vErrors === null) {
                    vErrors = [err7];
                }
                else {
                    vErrors.push(err7);
                }
                errors++;
            }
        }
        if (data.removal !== undefined) {
            let data4 = data.removal;
            if (!(data4 === 'allow' || data4 === 'exception' || data4 === 'promoted' || data4 === 'never')) {
                const err8 = {
                    instancePath: instancePath + '/removal',
                    schemaPath: '#/properties/removal/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema12.properties.removal.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema12.properties.removal.enum,
                    parentSchema: schema12.properties.removal,
                    data: data4,
                };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
        }
        if (data['version-increment'] !== undefined) {
            let data5 = data['version-increment'];
            if (typeof data5 !== 'boolean') {
                const err9 = {
                    instancePath: instancePath + '/version-increment',
                    schemaPath: '#/properties/version-increment/type',
                    keyword: 'type',
                    params: { type: 'boolean' },
                    message: 'must be boolean',
                    schema: schema12.properties['version-increment'].type,
                    parentSchema: schema12.properties['version-increment'],
                    data: data5,
                };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data['direct-commits'] !== undefined) {
            let data6 = data['direct-commits'];
            if (typeof data6 !== 'boolean') {
                const err10 = {
                    instancePath: instancePath + '/direct-commits',
                    schemaPath: '#/properties/direct-commits/type',
                    keyword: 'type',
                    params: { type: 'boolean' },
                    message: 'must be boolean',
                    schema: schema12.properties['direct-commits'].type,
                    parentSchema: schema12.properties['direct-commits'],
                    data: data6,
                };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
        }
        if (data.markers !== undefined) {
            let data7 = data.markers;
            if (Array.isArray(data7)) {
                const len0 = data7.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    let data8 = data7[i0];
                    if (typeof data8 === 'string') {
                        if (!pattern2.test(data8)) {
                            const err11 = {
                                instancePath: instancePath + '/markers/' + i0,
                                schemaPath: '#/properties/markers/items/pattern',
                                keyword: 'pattern',
                                params: { pattern: '^[a-z0-9_]+$' },
                                message: 'must match pattern "' + '^[a-z0-9_]+$' + '"',
                                schema: '^[a-z0-9_]+$',
                                parentSchema: schema12.properties.markers.items,
                                data: data8,
                            };
                            if (vErrors === null) {
                                vErrors = [err11];
                            }
                            else {
                                vErrors.push(err11);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err12 = {
                            instancePath: instancePath + '/markers/' + i0,
                            schemaPath: '#/properties/markers/items/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                            schema: schema12.properties.markers.items.type,
                            parentSchema: schema12.properties.markers.items,
                            data: data8,
                        };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err13 = {
                    instancePath: instancePath + '/markers',
                    schemaPath: '#/properties/markers/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema12.properties.markers.type,
                    parentSchema: schema12.properties.markers,
                    data: data7,
                };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        if (data.frozen !== undefined) {
            let data9 = data.frozen;
            if (typeof data9 !== 'boolean') {
                const err14 = {
                    instancePath: instancePath + '/frozen',
                    schemaPath: '#/properties/frozen/type',
                    keyword: 'type',
                    params: { type: 'boolean' },
                    message: 'must be boolean',
                    schema: schema12.properties.frozen.type,
                    parentSchema: schema12.properties.frozen,
                    data: data9,
                };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
        if (data['exception-approvers'] !== undefined) {
            let data10 = data['exception-approvers'];
            if (!(data10 === 'maintain' || data10 === 'admin')) {
                const err15 = {
                    instancePath: instancePath + '/exception-approvers',
                    schemaPath: '#/properties/exception-approvers/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema12.properties['exception-approvers'].enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema12.properties['exception-approvers'].enum,
                    parentSchema: schema12.properties['exception-approvers'],
                    data: data10,
                };
                if (vErrors === null) {
                    vErrors = [err15];
                }
                else {
                    vErrors.push(err15);
                }
                errors++;
            }
        }
        if (data['image-layers'] !== undefined) {
            let data11 = data['image-layers'];
            if (!(typeof data11 == 'number' && !(data11 % 1) && !isNaN(data11))) {
                const err16 = {
                    instancePath: instancePath + '/image-layers',
                    schemaPath: '#/properties/image-layers/type',
                    keyword: 'type',
                    params: { type: 'integer' },
                    message: 'must be integer',
                    schema: schema12.properties['image-layers'].type,
                    parentSchema: schema12.properties['image-layers'],
                    data: data11,
                };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
            if (typeof data11 == 'number') {
                if (data11 > 64 || isNaN(data11)) {
                    const err17 = {
                        instancePath: instancePath + '/image-layers',
                        schemaPath: '#/properties/image-layers/maximum',
                        keyword: 'maximum',
                        params: { comparison: '<=', limit: 64 },
                        message: 'must be <= 64',
                        schema: 64,
                        parentSchema: schema12.properties['image-layers'],
                        data: data11,
                    };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
                if (data11 < 1 || isNaN(data11)) {
                    const err18 = {
                        instancePath: instancePath + '/image-layers',
                        schemaPath: '#/properties/image-layers/minimum',
                        keyword: 'minimum',
                        params: { comparison: '>=', limit: 1 },
                        message: 'must be >= 1',
                        schema: 1,
                        parentSchema: schema12.properties['image-layers'],
                        data: data11,
                    };
                    if (vErrors === null) {
                        vErrors = [err18];
                    }
                    else {
                        vErrors.push(err18);
                    }
                    errors++;
                }
            }
        }
        if (data.rules !== undefined) {
            if (!validate12(data.rules, {
                instancePath: instancePath + '/rules',
                parentData: data,
                parentDataProperty: 'rules',
                rootData,
            })) {
                vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
                errors = vErrors.length;
            }
        }
    }
    else {
        const err19 = {
            instancePath,
            schemaPath: '#/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema12.type,
            parentSchema: schema12,
            data,
        };
        if (vErrors === null) {
            vErrors = [err19];
        }
        else {
            vErrors.push(err19);
        }
        errors++;
    }
    validate11.errors = vErrors;
    return errors === 0;
}
function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
    /*# sourceURL="https://github.com/package-storage-actions/schema/package-storage.schema.json" */ let vErrors = null;
    let errors = 0;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!func2.call(schema11.properties, key0)) {
                const err0 = {
                    instancePath,
                    schemaPath: '#/additionalProperties',
                    keyword: 'additionalProperties',
                    params: { additionalProperty: key0 },
                    message: 'must NOT have additional properties',
                    schema: false,
                    parentSchema: schema11,
                    data,
                };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        if (data['packages-root'] !== undefined) {
            let data0 = data['packages-root'];
            if (typeof data0 === 'string') {
                if (!pattern0.test(data0)) {
                    const err1 = {
                        instancePath: instancePath + '/packages-root',
                        schemaPath: '#/properties/packages-root/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[^/\\s][^\\s]*[^/\\s]$|^[^/\\s]$' },
                        message: 'must match pattern "' + '^[^/\\s][^\\s]*[^/\\s]$|^[^/\\s]$' + '"',
                        schema: '^[^/\\s][^\\s]*[^/\\s]$|^[^/\\s]$',
                        parentSchema: schema11.properties['packages-root'],
                        data: data0,
                    };
                    if (vErrors === null) {
                        vErrors = [err1];
                    }
                    else {
                        vErrors.push(err1);
                    }
                    errors++;
                }
            }
            else {
                const err2 = {
                    instancePath: instancePath + '/packages-root',
                    schemaPath: '#/properties/packages-root/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema11.properties['packages-root'].type,
                    parentSchema: schema11.properties['packages-root'],
                    data: data0,
                };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
        }
        if (data.channels !== undefined) {
            let data1 = data.channels;
            if (Array.isArray(data1)) {
                if (data1.length < 1) {
                    const err3 = {
                        instancePath: instancePath + '/channels',
                        schemaPath: '#/properties/channels/minItems',
                        keyword: 'minItems',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 items',
                        schema: 1,
                        parentSchema: schema11.properties.channels,
                        data: data1,
                    };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
                const len0 = data1.length;
                for (let i0 = 0; i0 < len0; i0++) {
                    if (!validate11(data1[i0], {
                        instancePath: instancePath + '/channels/' + i0,
                        parentData: data1,
                        parentDataProperty: i0,
                        rootData,
                    })) {
                        vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                        errors = vErrors.length;
                    }
                }
            }
            else {
                const err4 = {
                    instancePath: instancePath + '/channels',
                    schemaPath: '#/properties/channels/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema11.properties.channels.type,
                    parentSchema: schema11.properties.channels,
                    data: data1,
                };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
        }
        if (data.promotions !== undefined) {
            let data3 = data.promotions;
            if (Array.isArray(data3)) {
                const len1 = data3.length;
                for (let i1 = 0; i1 < len1; i1++) {
                    let data4 = data3[i1];
                    if (data4 && typeof data4 == 'object' && !Array.isArray(data4)) {
                        if (data4.from === undefined) {
                            const err5 = {
                                instancePath: instancePath + '/promotions/' + i1,
                                schemaPath: '#/properties/promotions/items/required',
                                keyword: 'required',
                                params: { missingProperty: 'from' },
                                message: "must have required property '" + 'from' + "'",
                                schema: schema11.properties.promotions.items.required,
                                parentSchema: schema11.properties.promotions.items,
                                data: data4,
                            };
                            if (vErrors === null) {
                                vErrors = [err5];
                            }
                            else {
                                vErrors.push(err5);
                            }
                            errors++;
                        }
                        if (data4.to === undefined) {
                            const err6 = {
                                instancePath: instancePath + '/promotions/' + i1,
                                schemaPath: '#/properties/promotions/items/required',
                                keyword: 'required',
                                params: { missingProperty: 'to' },
                                message: "must have required property '" + 'to' + "'",
                                schema: schema11.properties.promotions.items.required,
                                parentSchema: schema11.properties.promotions.items,
                                data: data4,
                            };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                        for (const key1 in data4) {
                            if (!(key1 === 'from' || key1 === 'to')) {
                                const err7 = {
                                    instancePath: instancePath + '/promotions/' + i1,
                                    schemaPath: '#/properties/promotions/items/additionalProperties',
                                    keyword: 'additionalProperties',
                                    params: { additionalProperty: key1 },
                                    message: 'must NOT have additional properties',
                                    schema: false,
                                    parentSchema: schema11.properties.promotions.items,
                                    data: data4,
                                };
                                if (vErrors === null) {
                                    vErrors = [err7];
                                }
                                else {
                                    vErrors.push(err7);
                                }
                                errors++;
                            }
                        }
                        if (data4.from !== undefined) {
                            let data5 = data4.from;
                            if (typeof data5 === 'string') {
                                if (func4(data5) < 1) {
                                    const err8 = {
                                        instancePath: instancePath + '/promotions/' + i1 + '/from',
                                        schemaPath: '#/properties/promotions/items/properties/from/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                        schema: 1,
                                        parentSchema: schema11.properties.promotions.items.properties.from,
                                        data: data5,
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err8];
                                    }
                                    else {
                                        vErrors.push(err8);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err9 = {
                                    instancePath: instancePath + '/promotions/' + i1 + '/from',
                                    schemaPath: '#/properties/promotions/items/properties/from/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.promotions.items.properties.from.type,
                                    parentSchema: schema11.properties.promotions.items.properties.from,
                                    data: data5,
                                };
                                if (vErrors === null) {
                                    vErrors = [err9];
                                }
                                else {
                                    vErrors.push(err9);
                                }
                                errors++;
                            }
                        }
                        if (data4.to !== undefined) {
                            let data6 = data4.to;
                            if (typeof data6 === 'string') {
                                if (func4(data6) < 1) {
                                    const err10 = {
                                        instancePath: instancePath + '/promotions/' + i1 + '/to',
                                        schemaPath: '#/properties/promotions/items/properties/to/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                        schema: 1,
                                        parentSchema: schema11.properties.promotions.items.properties.to,
                                        data: data6,
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err10];
                                    }
                                    else {
                                        vErrors.push(err10);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err11 = {
                                    instancePath: instancePath + '/promotions/' + i1 + '/to',
                                    schemaPath: '#/properties/promotions/items/properties/to/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.promotions.items.properties.to.type,
                                    parentSchema: schema11.properties.promotions.items.properties.to,
                                    data: data6,
                                };
                                if (vErrors === null) {
                                    vErrors = [err11];
                                }
                                else {
                                    vErrors.push(err11);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err12 = {
                            instancePath: instancePath + '/promotions/' + i1,
                            schemaPath: '#/properties/promotions/items/type',
                            keyword: 'type',
                            params: { type: 'object' },
                            message: 'must be object',
                            schema: schema11.properties.promotions.items.type,
                            parentSchema: schema11.properties.promotions.items,
                            data: data4,
                        };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err13 = {
                    instancePath: instancePath + '/promotions',
                    schemaPath: '#/properties/promotions/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema11.properties.promotions.type,
                    parentSchema: schema11.properties.promotions,
                    data: data3,
                };
                if (vErrors === null) {
                    vErrors = [err13];
                }
                else {
                    vErrors.push(err13);
                }
                errors++;
            }
        }
        if (data.identity !== undefined) {
            let data7 = data.identity;
            if (!(data7 === 'content' || data7 === 'tree')) {
                const err14 = {
                    instancePath: instancePath + '/identity',
                    schemaPath: '#/properties/identity/enum',
                    keyword: 'enum',
                    params: { allowedValues: schema11.properties.identity.enum },
                    message: 'must be equal to one of the allowed values',
                    schema: schema11.properties.identity.enum,
                    parentSchema: schema11.properties.identity,
                    data: data7,
                };
                if (vErrors === null) {
                    vErrors = [err14];
                }
                else {
                    vErrors.push(err14);
                }
                errors++;
            }
        }
        if (data['title-prefix'] !== undefined) {
            let data8 = data['title-prefix'];
            if (typeof data8 === 'string') {
                if (func4(data8) < 1) {
                    const err15 = {
                        instancePath: instancePath + '/title-prefix',
                        schemaPath: '#/properties/title-prefix/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema11.properties['title-prefix'],
                        data: data8,
                    };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
            else {
                const err16 = {
                    instancePath: instancePath + '/title-prefix',
                    schemaPath: '#/properties/title-prefix/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema11.properties['title-prefix'].type,
                    parentSchema: schema11.properties['title-prefix'],
                    data: data8,
                };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
        }
        if (data['exception-label'] !== undefined) {
            let data9 = data['exception-label'];
            if (typeof data9 === 'string') {
                if (func4(data9) < 1) {
                    const err17 = {
                        instancePath: instancePath + '/exception-label',
                        schemaPath: '#/properties/exception-label/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema: schema11.properties['exception-label'],
                        data: data9,
                    };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
            }
            else {
                const err18 = {
                    instancePath: instancePath + '/exception-label',
                    schemaPath: '#/properties/exception-label/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                    schema: schema11.properties['exception-label'].type,
                    parentSchema: schema11.properties['exception-label'],
                    data: data9,
                };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
        }
        if (data['forbidden-paths'] !== undefined) {
            let data10 = data['forbidden-paths'];
            if (Array.isArray(data10)) {
                const len2 = data10.length;
                for (let i2 = 0; i2 < len2; i2++) {
                    let data11 = data10[i2];
                    if (typeof data11 === 'string') {
                        if (func4(data11) < 1) {
                            const err19 = {
                                instancePath: instancePath + '/forbidden-paths/' + i2,
                                schemaPath: '#/properties/forbidden-paths/items/minLength',
                                keyword: 'minLength',
                                params: { limit: 1 },
                                message: 'must NOT have fewer than 1 characters',
                                schema: 1,
                                parentSchema: schema11.properties['forbidden-paths'].items,
                                data: data11,
                            };
                            if (vErrors === null) {
                                vErrors = [err19];
                            }
                            else {
                                vErrors.push(err19);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err20 = {
                            instancePath: instancePath + '/forbidden-paths/' + i2,
                            schemaPath: '#/properties/forbidden-paths/items/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                            schema: schema11.properties['forbidden-paths'].items.type,
                            parentSchema: schema11.properties['forbidden-paths'].items,
                            data: data11,
                        };
                        if (vErrors === null) {
                            vErrors = [err20];
                        }
                        else {
                            vErrors.push(err20);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err21 = {
                    instancePath: instancePath + '/forbidden-paths',
                    schemaPath: '#/properties/forbidden-paths/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema11.properties['forbidden-paths'].type,
                    parentSchema: schema11.properties['forbidden-paths'],
                    data: data10,
                };
                if (vErrors === null) {
                    vErrors = [err21];
                }
                else {
                    vErrors.push(err21);
                }
                errors++;
            }
        }
        if (data.exceptions !== undefined) {
            let data12 = data.exceptions;
            if (Array.isArray(data12)) {
                const len3 = data12.length;
                for (let i3 = 0; i3 < len3; i3++) {
                    let data13 = data12[i3];
                    if (data13 && typeof data13 == 'object' && !Array.isArray(data13)) {
                        if (data13.package === undefined) {
                            const err22 = {
                                instancePath: instancePath + '/exceptions/' + i3,
                                schemaPath: '#/properties/exceptions/items/required',
                                keyword: 'required',
                                params: { missingProperty: 'package' },
                                message: "must have required property '" + 'package' + "'",
                                schema: schema11.properties.exceptions.items.required,
                                parentSchema: schema11.properties.exceptions.items,
                                data: data13,
                            };
                            if (vErrors === null) {
                                vErrors = [err22];
                            }
                            else {
                                vErrors.push(err22);
                            }
                            errors++;
                        }
                        if (data13.rules === undefined) {
                            const err23 = {
                                instancePath: instancePath + '/exceptions/' + i3,
                                schemaPath: '#/properties/exceptions/items/required',
                                keyword: 'required',
                                params: { missingProperty: 'rules' },
                                message: "must have required property '" + 'rules' + "'",
                                schema: schema11.properties.exceptions.items.required,
                                parentSchema: schema11.properties.exceptions.items,
                                data: data13,
                            };
                            if (vErrors === null) {
                                vErrors = [err23];
                            }
                            else {
                                vErrors.push(err23);
                            }
                            errors++;
                        }
                        for (const key2 in data13) {
                            if (!(key2 === 'package' || key2 === 'channel' || key2 === 'rules' || key2 === 'reason')) {
                                const err24 = {
                                    instancePath: instancePath + '/exceptions/' + i3,
                                    schemaPath: '#/properties/exceptions/items/additionalProperties',
                                    keyword: 'additionalProperties',
                                    params: { additionalProperty: key2 },
                                    message: 'must NOT have additional properties',
                                    schema: false,
                                    parentSchema: schema11.properties.exceptions.items,
                                    data: data13,
                                };
                                if (vErrors === null) {
                                    vErrors = [err24];
                                }
                                else {
                                    vErrors.push(err24);
                                }
                                errors++;
                            }
                        }
                        if (data13.package !== undefined) {
                            let data14 = data13.package;
                            if (typeof data14 === 'string') {
                                if (!pattern3.test(data14)) {
                                    const err25 = {
                                        instancePath: instancePath + '/exceptions/' + i3 + '/package',
                                        schemaPath: '#/properties/exceptions/items/properties/package/pattern',
                                        keyword: 'pattern',
                                        params: { pattern: '^[a-z0-9_]+@[^@/\\s]+$' },
                                        message: 'must match pattern "' + '^[a-z0-9_]+@[^@/\\s]+$' + '"',
                                        schema: '^[a-z0-9_]+@[^@/\\s]+$',
                                        parentSchema: schema11.properties.exceptions.items.properties.package,
                                        data: data14,
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err25];
                                    }
                                    else {
                                        vErrors.push(err25);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err26 = {
                                    instancePath: instancePath + '/exceptions/' + i3 + '/package',
                                    schemaPath: '#/properties/exceptions/items/properties/package/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.exceptions.items.properties.package.type,
                                    parentSchema: schema11.properties.exceptions.items.properties.package,
                                    data: data14,
                                };
                                if (vErrors === null) {
                                    vErrors = [err26];
                                }
                                else {
                                    vErrors.push(err26);
                                }
                                errors++;
                            }
                        }
                        if (data13.channel !== undefined) {
                            let data15 = data13.channel;
                            if (typeof data15 === 'string') {
                                if (func4(data15) < 1) {
                                    const err27 = {
                                        instancePath: instancePath + '/exceptions/' + i3 + '/channel',
                                        schemaPath: '#/properties/exceptions/items/properties/channel/minLength',
                                        keyword: 'minLength',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 characters',
                                        schema: 1,
                                        parentSchema: schema11.properties.exceptions.items.properties.channel,
                                        data: data15,
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err27];
                                    }
                                    else {
                                        vErrors.push(err27);
                                    }
                                    errors++;
                                }
                            }
                            else {
                                const err28 = {
                                    instancePath: instancePath + '/exceptions/' + i3 + '/channel',
                                    schemaPath: '#/properties/exceptions/items/properties/channel/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.exceptions.items.properties.channel.type,
                                    parentSchema: schema11.properties.exceptions.items.properties.channel,
                                    data: data15,
                                };
                                if (vErrors === null) {
                                    vErrors = [err28];
                                }
                                else {
                                    vErrors.push(err28);
                                }
                                errors++;
                            }
                        }
                        if (data13.rules !== undefined) {
                            let data16 = data13.rules;
                            if (Array.isArray(data16)) {
                                if (data16.length < 1) {
                                    const err29 = {
                                        instancePath: instancePath + '/exceptions/' + i3 + '/rules',
                                        schemaPath: '#/properties/exceptions/items/properties/rules/minItems',
                                        keyword: 'minItems',
                                        params: { limit: 1 },
                                        message: 'must NOT have fewer than 1 items',
                                        schema: 1,
                                        parentSchema: schema11.properties.exceptions.items.properties.rules,
                                        data: data16,
                                    };
                                    if (vErrors === null) {
                                        vErrors = [err29];
                                    }
                                    else {
                                        vErrors.push(err29);
                                    }
                                    errors++;
                                }
                                const len4 = data16.length;
                                for (let i4 = 0; i4 < len4; i4++) {
                                    let data17 = data16[i4];
                                    if (!(data17 === 'overwrite' ||
                                        data17 === 'removal' ||
                                        data17 === 'version-increment' ||
                                        data17 === 'not-promoted' ||
                                        data17 === 'shadowed' ||
                                        data17 === 'frozen')) {
                                        const err30 = {
                                            instancePath: instancePath + '/exceptions/' + i3 + '/rules/' + i4,
                                            schemaPath: '#/properties/exceptions/items/properties/rules/items/enum',
                                            keyword: 'enum',
                                            params: {
                                                allowedValues: schema11.properties.exceptions.items.properties.rules.items.enum,
                                            },
                                            message: 'must be equal to one of the allowed values',
                                            schema: schema11.properties.exceptions.items.properties.rules.items.enum,
                                            parentSchema: schema11.properties.exceptions.items.properties.rules.items,
                                            data: data17,
                                        };
                                        if (vErrors === null) {
                                            vErrors = [err30];
                                        }
                                        else {
                                            vErrors.push(err30);
                                        }
                                        errors++;
                                    }
                                }
                            }
                            else {
                                const err31 = {
                                    instancePath: instancePath + '/exceptions/' + i3 + '/rules',
                                    schemaPath: '#/properties/exceptions/items/properties/rules/type',
                                    keyword: 'type',
                                    params: { type: 'array' },
                                    message: 'must be array',
                                    schema: schema11.properties.exceptions.items.properties.rules.type,
                                    parentSchema: schema11.properties.exceptions.items.properties.rules,
                                    data: data16,
                                };
                                if (vErrors === null) {
                                    vErrors = [err31];
                                }
                                else {
                                    vErrors.push(err31);
                                }
                                errors++;
                            }
                        }
                        if (data13.reason !== undefined) {
                            let data18 = data13.reason;
                            if (typeof data18 !== 'string') {
                                const err32 = {
                                    instancePath: instancePath + '/exceptions/' + i3 + '/reason',
                                    schemaPath: '#/properties/exceptions/items/properties/reason/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                    schema: schema11.properties.exceptions.items.properties.reason.type,
                                    parentSchema: schema11.properties.exceptions.items.properties.reason,
                                    data: data18,
                                };
                                if (vErrors === null) {
                                    vErrors = [err32];
                                }
                                else {
                                    vErrors.push(err32);
                                }
                                errors++;
                            }
                        }
                    }
                    else {
                        const err33 = {
                            instancePath: instancePath + '/exceptions/' + i3,
                            schemaPath: '#/properties/exceptions/items/type',
                            keyword: 'type',
                            params: { type: 'object' },
                            message: 'must be object',
                            schema: schema11.properties.exceptions.items.type,
                            parentSchema: schema11.properties.exceptions.items,
                            data: data13,
                        };
                        if (vErrors === null) {
                            vErrors = [err33];
                        }
                        else {
                            vErrors.push(err33);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err34 = {
                    instancePath: instancePath + '/exceptions',
                    schemaPath: '#/properties/exceptions/type',
                    keyword: 'type',
                    params: { type: 'array' },
                    message: 'must be array',
                    schema: schema11.properties.exceptions.type,
                    parentSchema: schema11.properties.exceptions,
                    data: data12,
                };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
        }
        if (data.rules !== undefined) {
            if (!validate12(data.rules, {
                instancePath: instancePath + '/rules',
                parentData: data,
                parentDataProperty: 'rules',
                rootData,
            })) {
                vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
                errors = vErrors.length;
            }
        }
        if (data.limits !== undefined) {
            let data20 = data.limits;
            if (data20 && typeof data20 == 'object' && !Array.isArray(data20)) {
                for (const key3 in data20) {
                    if (!(key3 === 'manifest-bytes' || key3 === 'file-bytes' || key3 === 'files-per-version')) {
                        const err35 = {
                            instancePath: instancePath + '/limits',
                            schemaPath: '#/properties/limits/additionalProperties',
                            keyword: 'additionalProperties',
                            params: { additionalProperty: key3 },
                            message: 'must NOT have additional properties',
                            schema: false,
                            parentSchema: schema11.properties.limits,
                            data: data20,
                        };
                        if (vErrors === null) {
                            vErrors = [err35];
                        }
                        else {
                            vErrors.push(err35);
                        }
                        errors++;
                    }
                }
                if (data20['manifest-bytes'] !== undefined) {
                    let data21 = data20['manifest-bytes'];
                    if (!(typeof data21 == 'number' && !(data21 % 1) && !isNaN(data21))) {
                        const err36 = {
                            instancePath: instancePath + '/limits/manifest-bytes',
                            schemaPath: '#/properties/limits/properties/manifest-bytes/type',
                            keyword: 'type',
                            params: { type: 'integer' },
                            message: 'must be integer',
                            schema: schema11.properties.limits.properties['manifest-bytes'].type,
                            parentSchema: schema11.properties.limits.properties['manifest-bytes'],
                            data: data21,
                        };
                        if (vErrors === null) {
                            vErrors = [err36];
                        }
                        else {
                            vErrors.push(err36);
                        }
                        errors++;
                    }
                    if (typeof data21 == 'number') {
                        if (data21 < 1 || isNaN(data21)) {
                            const err37 = {
                                instancePath: instancePath + '/limits/manifest-bytes',
                                schemaPath: '#/properties/limits/properties/manifest-bytes/minimum',
                                keyword: 'minimum',
                                params: { comparison: '>=', limit: 1 },
                                message: 'must be >= 1',
                                schema: 1,
                                parentSchema: schema11.properties.limits.properties['manifest-bytes'],
                                data: data21,
                            };
                            if (vErrors === null) {
                                vErrors = [err37];
                            }
                            else {
                                vErrors.push(err37);
                            }
                            errors++;
                        }
                    }
                }
                if (data20['file-bytes'] !== undefined) {
                    let data22 = data20['file-bytes'];
                    if (!(typeof data22 == 'number' && !(data22 % 1) && !isNaN(data22))) {
                        const err38 = {
                            instancePath: instancePath + '/limits/file-bytes',
                            schemaPath: '#/properties/limits/properties/file-bytes/type',
                            keyword: 'type',
                            params: { type: 'integer' },
                            message: 'must be integer',
                            schema: schema11.properties.limits.properties['file-bytes'].type,
                            parentSchema: schema11.properties.limits.properties['file-bytes'],
                            data: data22,
                        };
                        if (vErrors === null) {
                            vErrors = [err38];
                        }
                        else {
                            vErrors.push(err38);
                        }
                        errors++;
                    }
                    if (typeof data22 == 'number') {
                        if (data22 < 1 || isNaN(data22)) {
                            const err39 = {
                                instancePath: instancePath + '/limits/file-bytes',
                                schemaPath: '#/properties/limits/properties/file-bytes/minimum',
                                keyword: 'minimum',
                                params: { comparison: '>=', limit: 1 },
                                message: 'must be >= 1',
                                schema: 1,
                                parentSchema: schema11.properties.limits.properties['file-bytes'],
                                data: data22,
                            };
                            if (vErrors === null) {
                                vErrors = [err39];
                            }
                            else {
                                vErrors.push(err39);
                            }
                            errors++;
                        }
                    }
                }
                if (data20['files-per-version'] !== undefined) {
                    let data23 = data20['files-per-version'];
                    if (!(typeof data23 == 'number' && !(data23 % 1) && !isNaN(data23))) {
                        const err40 = {
                            instancePath: instancePath + '/limits/files-per-version',
                            schemaPath: '#/properties/limits/properties/files-per-version/type',
                            keyword: 'type',
                            params: { type: 'integer' },
                            message: 'must be integer',
                            schema: schema11.properties.limits.properties['files-per-version'].type,
                            parentSchema: schema11.properties.limits.properties['files-per-version'],
                            data: data23,
                        };
                        if (vErrors === null) {
                            vErrors = [err40];
                        }
                        else {
                            vErrors.push(err40);
                        }
                        errors++;
                    }
                    if (typeof data23 == 'number') {
                        if (data23 < 1 || isNaN(data23)) {
                            const err41 = {
                                instancePath: instancePath + '/limits/files-per-version',
                                schemaPath: '#/properties/limits/properties/files-per-version/minimum',
                                keyword: 'minimum',
                                params: { comparison: '>=', limit: 1 },
                                message: 'must be >= 1',
                                schema: 1,
                                parentSchema: schema11.properties.limits.properties['files-per-version'],
                                data: data23,
                            };
                            if (vErrors === null) {
                                vErrors = [err41];
                            }
                            else {
                                vErrors.push(err41);
                            }
                            errors++;
                        }
                    }
                }
            }
            else {
                const err42 = {
                    instancePath: instancePath + '/limits',
                    schemaPath: '#/properties/limits/type',
                    keyword: 'type',
                    params: { type: 'object' },
                    message: 'must be object',
                    schema: schema11.properties.limits.type,
                    parentSchema: schema11.properties.limits,
                    data: data20,
                };
                if (vErrors === null) {
                    vErrors = [err42];
                }
                else {
                    vErrors.push(err42);
                }
                errors++;
            }
        }
        if (data.release !== undefined) {
            let data24 = data.release;
            if (data24 && typeof data24 == 'object' && !Array.isArray(data24)) {
                for (const key4 in data24) {
                    if (!(key4 === 'allow-overwrite')) {
                        const err43 = {
                            instancePath: instancePath + '/release',
                            schemaPath: '#/properties/release/additionalProperties',
                            keyword: 'additionalProperties',
                            params: { additionalProperty: key4 },
                            message: 'must NOT have additional properties',
                            schema: false,
                            parentSchema: schema11.properties.release,
                            data: data24,
                        };
                        if (vErrors === null) {
                            vErrors = [err43];
                        }
                        else {
                            vErrors.push(err43);
                        }
                        errors++;
                    }
                }
                if (data24['allow-overwrite'] !== undefined) {
                    let data25 = data24['allow-overwrite'];
                    if (typeof data25 !== 'boolean') {
                        const err44 = {
                            instancePath: instancePath + '/release/allow-overwrite',
                            schemaPath: '#/properties/release/properties/allow-overwrite/type',
                            keyword: 'type',
                            params: { type: 'boolean' },
                            message: 'must be boolean',
                            schema: schema11.properties.release.properties['allow-overwrite'].type,
                            parentSchema: schema11.properties.release.properties['allow-overwrite'],
                            data: data25,
                        };
                        if (vErrors === null) {
                            vErrors = [err44];
                        }
                        else {
                            vErrors.push(err44);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err45 = {
                    instancePath: instancePath + '/release',
                    schemaPath: '#/properties/release/type',
                    keyword: 'type',
                    params: { type: 'object' },
                    message: 'must be object',
                    schema: schema11.properties.release.type,
                    parentSchema: schema11.properties.release,
                    data: data24,
                };
                if (vErrors === null) {
                    vErrors = [err45];
                }
                else {
                    vErrors.push(err45);
                }
                errors++;
            }
        }
    }
    else {
        const err46 = {
            instancePath,
            schemaPath: '#/type',
            keyword: 'type',
            params: { type: 'object' },
            message: 'must be object',
            schema: schema11.type,
            parentSchema: schema11,
            data,
        };
        if (vErrors === null) {
            vErrors = [err46];
        }
        else {
            vErrors.push(err46);
        }
        errors++;
    }
    validate10.errors = vErrors;
    return errors === 0;
}

;// CONCATENATED MODULE: ./src/core/promotion.ts
// Promotion and cleanup plans as pure functions: which versions move, which are refused and why, and the texts
// (titles, bodies, commit messages) that go with them.




const promotionBranch = (from, to) => `promote/${from}-to-${to}`;
const cleanupBranch = (channel) => `cleanup/${channel}`;
function promotionEdge(policy, from, to) {
    const source = policy.channels.find((c) => c.name === from);
    const target = policy.channels.find((c) => c.name === to);
    const names = policy.channels.map((c) => c.name).join(', ');
    if (!source)
        throw new UsageError(`unknown channel "${from}" (channels: ${names})`);
    if (!target)
        throw new UsageError(`unknown channel "${to}" (channels: ${names})`);
    if (!policy.promotions.some((e) => e.from === from && e.to === to))
        throw new UsageError(`${from} -> ${to} is not an allowed promotion (allowed: ${policy.promotions.map((e) => `${e.from} -> ${e.to}`).join(', ') || 'none'})`);
    return { from: source, to: target };
}
function planPromotion(policy, from, to, selection, source, target, 
/** Content identities of the trees that differ between source and target (absent: compare tree ids). */
identities) {
    const edge = promotionEdge(policy, from, to);
    const plan = {
        ...edge,
        branch: promotionBranch(from, to),
        versions: [],
        alreadyPromoted: [],
        refusals: selection.problems.map((p) => ({ spec: p.spec, message: p.message })),
    };
    for (const { name, version } of selection.selected) {
        const markerOf = markerChannels(policy, name);
        if (markerOf.length > 0) {
            plan.refusals.push({
                package: name,
                version,
                message: `${name}@${version} is the marker package of ${markerOf.map((c) => c.name).join(', ')} (it shows which distribution a registry serves): markers stay on their own channel and are never promoted`,
            });
            continue;
        }
        const tree = treeOf(source, name, version);
        if (tree === undefined) {
            plan.refusals.push({ package: name, version, message: `${name}@${version} is not in ${from}` });
            continue;
        }
        const existing = treeOf(target, name, version);
        if (sameContent(identities, existing, tree))
            plan.alreadyPromoted.push({ name, version, tree });
        else if (existing !== undefined)
            plan.refusals.push({
                package: name,
                version,
                message: `${name}@${version} is already in ${to} with different content (tree ${existing.slice(0, 12)}, ${from} has ${tree.slice(0, 12)}); promoting would overwrite it: release a new version instead`,
            });
        else
            plan.versions.push({ name, version, tree });
    }
    return plan;
}
/**
 * Versions of `channel` whose identical copy (the same bytes at every path) is in a more stable channel: safe to
 * remove, they stay served.
 */
function planCleanup(policy, channel, own, others, identities) {
    const plan = { channel, branch: cleanupBranch(channel.name), versions: [] };
    const stabler = moreStable(policy, channel);
    for (const [name, versions] of [...own].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (markerChannels(policy, name).length > 0)
            continue; // markers stay where they are
        for (const [version, tree] of [...versions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
            const promotedTo = stabler.find((c) => sameContent(identities, treeOf(others.get(c.name), name, version), tree));
            if (promotedTo)
                plan.versions.push({ name, version, tree, promotedTo: promotedTo.name });
        }
    }
    return plan;
}
const promotion_list = (versions) => versions.map((v) => `${v.name}-${v.version}`).join(', ');
const maxTitle = 256;
function promotionTitle(plan) {
    const title = `[${plan.to.branch}] Promote packages from ${plan.from.name} (${promotion_list(plan.versions)})`;
    if (title.length <= maxTitle)
        return title;
    return `[${plan.to.branch}] Promote ${plan.versions.length} packages from ${plan.from.name}`;
}
function cleanupTitle(plan) {
    const title = `[${plan.channel.branch}] Remove promoted packages (${promotion_list(plan.versions)})`;
    if (title.length <= maxTitle)
        return title;
    return `[${plan.channel.branch}] Remove ${plan.versions.length} promoted packages`;
}
const marker = (kind, data) => `<!-- package-storage:${kind} ${JSON.stringify(data)} -->`;
/**
 * Text for one Markdown table cell: a `|` ends the cell even inside a code span (GitHub's tables), so it is
 * written `\|`, which renders as `|` (Kibana ranges such as `^7.16.0 || ^8.0.0`); line breaks would end the row.
 */
function tableCell(text) {
    return text.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
}
const codeCell = (text) => `\`${tableCell(text)}\``;
// Bodies hold nothing run-specific (no run links): a re-run with the same inputs must produce the same text.
function promotionBody(plan) {
    const rows = plan.versions.map((v) => `| ${tableCell(v.name)} | ${tableCell(v.version)} | \`${v.tree}\` | ${v.kibana ? codeCell(v.kibana) : 'any'} |`);
    return [
        `This PR promotes packages from \`${plan.from.branch}\` to \`${plan.to.branch}\`, tree for tree: each version's git tree id here equals the one in \`${plan.from.branch}\`.`,
        '',
        '| Package | Version | Tree | Kibana |',
        '|---|---|---|---|',
        ...rows,
        '',
        `After it merges, the cleanup removes these versions from \`${plan.from.branch}\` (they stay served from \`${plan.to.branch}\`).`,
        'Re-running the promotion with the same selection changes nothing; another selection updates this PR.',
        '',
        marker('promote', {
            from: plan.from.name,
            to: plan.to.name,
            packages: plan.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
        }),
    ].join('\n');
}
function cleanupBody(plan) {
    return [
        `This PR removes packages from \`${plan.channel.branch}\` whose identical tree is already in a more stable channel, so they stay served.`,
        '',
        '| Package | Version | Tree | Now in |',
        '|---|---|---|---|',
        ...plan.versions.map((v) => `| ${tableCell(v.name)} | ${tableCell(v.version)} | \`${v.tree}\` | ${tableCell(v.promotedTo)} |`),
        '',
        'The validate check accepts each removal only while the identical tree is in the more stable channel.',
        '',
        marker('cleanup', {
            channel: plan.channel.name,
            packages: plan.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
        }),
    ].join('\n');
}
function promotionCommitMessage(plan) {
    return `${promotionTitle(plan)}\n\nCopy packages from ${plan.from.branch} to ${plan.to.branch}:\n${plan.versions
        .map((v) => `- ${v.name}@${v.version} (tree ${v.tree})`)
        .join('\n')}\n`;
}
function cleanupCommitMessage(plan) {
    return `${cleanupTitle(plan)}\n\nRemove packages from ${plan.channel.branch} already in a more stable channel:\n${plan.versions
        .map((v) => `- ${v.name}@${v.version} (tree ${v.tree}, in ${v.promotedTo})`)
        .join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/core/config.ts






const configPath = '.github/package-storage.yml';
// eslint-disable-next-line no-control-regex
const legacyVersionDir = /^(?!\.{1,2}$)[^/\s\u0000-\u001f\u007f]{1,128}$/;
// schema/package-storage.schema.json compiled ahead of time (scripts/policy-validator.js): compiling it at run time
// cost about 100 ms per run.
const validator = policy_validator_generated;
function validateSchema(value) {
    return validator(value) ? [] : (validator.errors ?? []);
}
// eslint-disable-next-line no-control-regex
const plainKey = /^[^\s.[\]"'\u0000-\u001f\u007f]+$/;
/** A key as messages show it: as written, JSON-quoted only when it would break the line or the dotted path. */
function showKey(key) {
    return plainKey.test(key) ? key : JSON.stringify(key);
}
/**
 * `/channels/1/overwrite` -> `channels[1].overwrite`. The JSON pointer is decoded segment by segment, and a segment
 * is an index only where the value there is a list (a mapping key "0" stays a key).
 */
function keyOf(root, instancePath, child) {
    const parts = instancePath
        .split('/')
        .slice(1)
        .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
    let key = '';
    let value = root;
    const append = (part) => {
        const isIndex = Array.isArray(value) && /^\d+$/.test(part);
        key += isIndex ? `[${part}]` : key === '' ? showKey(part) : `.${showKey(part)}`;
        value =
            value !== null && typeof value === 'object' ? value[part] : undefined;
    };
    for (const part of parts)
        append(part);
    if (child !== undefined)
        append(child);
    return key === '' ? '(top level)' : key;
}
function closest(word, candidates) {
    const distance = (a, b) => {
        const row = Array.from({ length: b.length + 1 }, (_, i) => i);
        for (let i = 1; i <= a.length; i++) {
            let previous = row[0];
            row[0] = i;
            for (let j = 1; j <= b.length; j++) {
                const current = row[j];
                row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.length];
    };
    let best;
    let bestDistance = 3;
    for (const candidate of candidates) {
        const d = distance(word, candidate);
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best;
}
function describe(value) {
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
function valueAt(root, instancePath) {
    // (decoding as keyOf does)
    let value = root;
    for (const raw of instancePath.split('/').slice(1)) {
        if (value === null || typeof value !== 'object')
            return undefined;
        value = value[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    return value;
}
function schemaMessage(error, root) {
    const got = () => describe(valueAt(root, error.instancePath));
    switch (error.keyword) {
        case 'additionalProperties': {
            const extra = String(error.params.additionalProperty);
            const allowed = Object.keys(error.parentSchema?.properties ?? {});
            const suggestion = closest(extra, allowed);
            const key = keyOf(root, error.instancePath, extra);
            return {
                key,
                message: `${key}: unknown key${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed: ${allowed.join(', ')}`,
            };
        }
        case 'required': {
            const key = keyOf(root, error.instancePath, error.params.missingProperty);
            return { key, message: `${key}: required` };
        }
        case 'enum': {
            const key = keyOf(root, error.instancePath);
            const allowed = error.params.allowedValues.map(String).join(', ');
            return { key, message: `${key}: must be one of ${allowed} (got ${got()})` };
        }
        case 'type': {
            const key = keyOf(root, error.instancePath);
            return {
                key,
                message: `${key}: must be ${String(error.params.type)} (got ${got()})`,
            };
        }
        default: {
            const key = keyOf(root, error.instancePath);
            return { key, message: `${key}: ${error.message ?? 'invalid'} (got ${got()})` };
        }
    }
}
/** Parses and checks a policy file's text. Throws ConfigError naming the key. */
function parsePolicy(text, source = configPath) {
    let raw;
    try {
        // js-yaml 5 refuses an empty document; an empty (or comments-only) file means the defaults.
        const documents = loadAll(text, { filename: source, maxAliases: 0 });
        if (documents.length > 1)
            throw new ConfigError(`${source}: must hold one YAML document, found ${documents.length}`);
        raw = documents[0];
    }
    catch (error) {
        if (error instanceof ConfigError)
            throw error;
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new ConfigError(`${source}: not valid YAML: ${reason}`);
    }
    if (raw === undefined || raw === null)
        return defaultPolicy();
    const errors = validateSchema(raw);
    if (errors.length > 0) {
        // Report the most specific error first: the deepest path, then unknown keys before others.
        const sorted = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length);
        const first = schemaMessage(sorted[0], raw);
        const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
        throw new ConfigError(`${source}: ${first.message}${more}`, first.key);
    }
    // The schema check above guarantees the shape of `raw`.
    return buildPolicy(raw, source);
}
/**
 * The packages root as one normalized path inside the tree (`./packages` is `packages`): a root outside it (`..`,
 * `/srv`), the tree itself (`.`), or under `.github` or `.git` would make every change look like none, or put the
 * workflows among the packages.
 */
function packagesRootOf(value) {
    const path = value.replace(/^(\.\/)+/, '');
    const segments = path.split('/');
    const quoted = JSON.stringify(value);
    if (path === '' || path === '.' || value.startsWith('/'))
        return { problem: `${quoted} is not a directory inside the repository (e.g. packages)` };
    if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\')))
        return {
            problem: `${quoted} is not a normalized path inside the repository: no empty, "." or ".." segments, no backslashes`,
        };
    const first = segments[0].toLowerCase();
    if (first === '.github' || first === '.git')
        return {
            problem: `${quoted} is under ${segments[0]}/, which holds the repository's workflows and settings, not packages`,
        };
    return path;
}
function buildPolicy(raw, source) {
    const defaults = defaultPolicy();
    const fail = (key, message) => {
        throw new ConfigError(`${source}: ${key}: ${message}`, key);
    };
    let channels = defaults.channels;
    let promotions = defaults.promotions;
    if (raw.channels) {
        channels = raw.channels.map((c, i) => {
            const builtIn = defaults.channels.find((d) => d.name === c.name);
            const need = (value, key, fallback) => value ??
                fallback ??
                fail(`channels[${i}].${key}`, `required for a channel without built-in defaults (built-in channels: ${defaults.channels.map((d) => d.name).join(', ')})`);
            return {
                name: c.name,
                branch: c.branch ?? builtIn?.branch ?? c.name,
                arrival: need(c.arrival, 'arrival', builtIn?.arrival),
                overwrite: need(c.overwrite, 'overwrite', builtIn?.overwrite),
                removal: need(c.removal, 'removal', builtIn?.removal),
                versionIncrement: c['version-increment'] ?? builtIn?.versionIncrement ?? false,
                directCommits: c['direct-commits'] ?? builtIn?.directCommits ?? false,
                markers: c.markers ?? builtIn?.markers ?? [],
                frozen: c.frozen ?? builtIn?.frozen ?? false,
                exceptionApprovers: c['exception-approvers'] ?? builtIn?.exceptionApprovers ?? 'maintain',
                rules: c.rules ?? {},
                ...(c['image-layers'] !== undefined ? { imageLayers: c['image-layers'] } : {}),
            };
        });
        // Default edges: each channel from the next less stable one.
        promotions = channels.slice(1).map((c, i) => ({ from: c.name, to: channels[i].name }));
    }
    const seenNames = new Map();
    const seenBranches = new Map();
    channels.forEach((c, i) => {
        if (seenNames.has(c.name))
            fail(`channels[${i}].name`, `duplicate channel ${JSON.stringify(c.name)}`);
        if (seenBranches.has(c.branch))
            fail(`channels[${i}].branch`, `branch ${JSON.stringify(c.branch)} is already used by channel ${channels[seenBranches.get(c.branch)].name}`);
        seenNames.set(c.name, i);
        seenBranches.set(c.branch, i);
    });
    if (raw.promotions) {
        promotions = raw.promotions.map((edge, i) => {
            const from = seenNames.get(edge.from);
            const to = seenNames.get(edge.to);
            const names = channels.map((c) => c.name).join(', ');
            if (from === undefined)
                fail(`promotions[${i}].from`, `unknown channel ${JSON.stringify(edge.from)} (channels: ${names})`);
            if (to === undefined)
                fail(`promotions[${i}].to`, `unknown channel ${JSON.stringify(edge.to)} (channels: ${names})`);
            if (to >= from)
                fail(`promotions[${i}]`, `${edge.from} -> ${edge.to} does not lead to a more stable channel (channels are listed most stable first)`);
            return { from: edge.from, to: edge.to };
        });
    }
    // Each edge has a bot branch of its own (`b -> to-c` and `b-to -> c` would both write promote/b-to-to-c).
    const edgeBranches = new Map();
    promotions.forEach((edge, i) => {
        const branch = promotionBranch(edge.from, edge.to);
        const other = edgeBranches.get(branch);
        if (other !== undefined && other !== `${edge.from} -> ${edge.to}`)
            fail(raw.promotions ? `promotions[${i}]` : 'channels', `promotions ${other} and ${edge.from} -> ${edge.to} would share the branch ${branch}: rename a channel`);
        edgeBranches.set(branch, `${edge.from} -> ${edge.to}`);
    });
    channels.forEach((c, i) => {
        if (c.arrival === 'promotion' && !promotions.some((edge) => edge.to === c.name))
            fail(`channels[${i}].arrival`, `channel ${c.name} takes versions by promotion but no promotion edge leads to it`);
    });
    const exceptions = (raw.exceptions ?? []).map((e, i) => {
        const at = e.package.lastIndexOf('@');
        const name = e.package.slice(0, at);
        const version = e.package.slice(at + 1);
        // A legacy directory (`7.17-dev1`) may need an exception to be removed, so any one path segment is accepted.
        if (!isStrictSemver(version) && !legacyVersionDir.test(version))
            fail(`exceptions[${i}].package`, `${JSON.stringify(e.package)}: the version must be strict semver (name@1.2.3) or an existing version directory name`);
        if (e.channel !== undefined && !seenNames.has(e.channel))
            fail(`exceptions[${i}].channel`, `unknown channel ${JSON.stringify(e.channel)}`);
        return {
            name,
            version,
            rules: [...new Set(e.rules)],
            ...(e.channel ? { channel: e.channel } : {}),
            ...(e.reason ? { reason: e.reason } : {}),
        };
    });
    const rules = { ...defaults.rules };
    for (const id of configurableRuleIds)
        if (raw.rules?.[id])
            rules[id] = raw.rules[id];
    const titlePrefix = raw['title-prefix'] ?? defaults.titlePrefix;
    const packagesRoot = packagesRootOf(raw['packages-root'] ?? defaults.packagesRoot);
    if (typeof packagesRoot !== 'string')
        fail('packages-root', packagesRoot.problem);
    return {
        packagesRoot: packagesRoot,
        channels,
        promotions,
        identity: raw.identity ?? defaults.identity,
        titlePrefix,
        exceptionLabel: raw['exception-label'] ?? defaults.exceptionLabel,
        forbiddenPaths: raw['forbidden-paths'] ?? defaults.forbiddenPaths,
        exceptions,
        rules,
        limits: {
            manifestBytes: raw.limits?.['manifest-bytes'] ?? defaults.limits.manifestBytes,
            fileBytes: raw.limits?.['file-bytes'] ?? defaults.limits.fileBytes,
            filesPerVersion: raw.limits?.['files-per-version'] ?? defaults.limits.filesPerVersion,
        },
        release: { allowOverwrite: raw.release?.['allow-overwrite'] ?? defaults.release.allowOverwrite },
    };
}

;// CONCATENATED MODULE: ./src/git/policy-file.ts
// The policy is trusted only from the default branch (or a file the user names locally), never from a PR head.





async function policyAtRevision(repoDir, rev, label, path = configPath, 
/** A reader to share (the CLI reads the policy and the change through one `git cat-file`). */
objects) {
    const reader = new StorageReader(repoDir, '.', objects);
    try {
        const text = await reader.readFile(rev, path);
        if (text === undefined)
            return { policy: defaultPolicy(), source: `built-in defaults (no ${path} on ${label})` };
        return { policy: parsePolicy(text, `${label}:${path}`), source: `${label}:${path}` };
    }
    finally {
        reader.close();
    }
}
async function policyFromFile(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new UsageError(`cannot read the policy file ${file}: ${error.code ?? String(error)}`);
    }
    return { policy: parsePolicy(text, file), source: file };
}

;// CONCATENATED MODULE: ./src/cli/repo.ts
// What every CLI command does first: open the local clone and read its policy (a given file, else the default
// branch's, else the built-in defaults).





async function loadLocalPolicy(repoDir, config, refs, objects) {
    if (config)
        return policyFromFile((0,external_node_path_namespaceObject.resolve)(config));
    const known = refs ?? (await readLocalRefs(repoDir));
    const branch = known ? defaultBranchOf(known) : undefined;
    const at = known && branch ? branchTip(known, branch) : undefined;
    if (!branch || !at)
        return policyAtRevision(repoDir, emptyTreeId, 'none');
    return policyAtRevision(repoDir, at, branch, undefined, objects);
}
/**
 * The local clone, its refs (read once) and its policy. `objects`, when given, is the reader the policy is read
 * through, for a command that goes on reading through it.
 */
async function openLocalRepo(repo, config, objects) {
    const repoDir = (0,external_node_path_namespaceObject.resolve)(repo);
    const refs = await readLocalRefs(repoDir);
    if (!refs)
        throw new UsageError(`${repoDir} is not a git repository`);
    return { repoDir, refs, ...(await loadLocalPolicy(repoDir, config, refs, objects)) };
}

;// CONCATENATED MODULE: ./src/cli/audit.ts
// `package-storage audit`: what the check would say on a repository before it is turned on: the state across the
// channels, or (`--history`) a replay of a channel's first-parent history, commit by commit.










const auditUsage = `usage: package-storage audit --repo DIR [--history REV..REV --channel C] [--titles] [--config FILE] [--json]

What the validate check would say on this repository, before it is turned on.
Without --history: the state across the channels: the same version with different content in two channels,
versions identical to a more stable copy (pending cleanups), markers on the wrong channel, legacy layouts,
versions the registry would refuse, registry-version drift between channels.
With --history: each first-parent commit of channel C in the range, checked as a PR into C (its first parent
before it), the other channels at their first-parent tips as of that commit's date; a table of verdicts by rule.
  --repo DIR       the storage repository (default: .)
  --history RANGE  a commit range on the channel, e.g. production~650..production, or ..production for all
  --channel C      the channel (name or branch) whose history is replayed (with --history)
  --titles         also check each commit's subject against the title prefix (squash merges keep PR titles)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch, else built-in defaults)
  --json           print the report as JSON
Exit: 0 report printed, 2 usage or configuration error, 3 git failure.`;
async function channelTips(repoDir, policy) {
    const byBranch = await localBranchTips(repoDir, policy.channels.map((c) => c.branch));
    return new Map(policy.channels.map((c) => [c.name, byBranch.get(c.branch)]));
}
function printState(io, audit) {
    io.out('channels:');
    for (const c of audit.channels)
        io.out(`  ${c.channel.padEnd(12)} ${c.tip ? c.tip.slice(0, 12) : '(no branch)'}  ${String(c.versions).padStart(6)} versions  registry ${c.registry ?? '(none)'}`);
    const section = (title, lines) => {
        io.out(`${title}: ${lines.length}`);
        for (const line of lines.slice(0, 50))
            io.out(`  ${safeLine(line)}`);
        if (lines.length > 50)
            io.out(`  … and ${lines.length - 50} more (--json lists all)`);
    };
    section('same version, different content', audit.conflicts.map((c) => `${c.name}@${c.version}: ${c.copies.map((x) => `${x.channel} ${x.tree.slice(0, 12)}`).join(', ')} (${c.served} is served)`));
    section('pending cleanups (identical in a more stable channel)', audit.pendingCleanups.map((p) => `${p.channel} ${p.name}@${p.version} (in ${p.identicalIn}${p.modesDiffer ? ', file modes differ' : ''})`));
    section('markers on the wrong channel', audit.misplacedMarkers.map((m) => `${m.channel} ${m.name}@${m.version} (marker of ${m.markerOf.join(', ')})`));
    section('legacy layouts', audit.legacy.map((l) => `${l.channel} ${l.version ? `${l.name}/${l.version} (not semver)` : `${l.name} (flat <name>-<version>/)`}`));
    section('versions the registry would refuse', audit.refused.map((f) => `${f.channel} ${f.package ?? ''}${f.version ? `@${f.version}` : ''} [${f.rule}] ${f.message}`));
    io.out(audit.drift
        ? `registry versions differ between channels: ${audit.channels.map((c) => `${c.channel} ${c.registry ?? '(none)'}`).join(', ')}`
        : 'registry versions: the same on every channel');
}
function printHistory(io, report) {
    const failed = report.commits.filter((c) => c.verdict === 'fail');
    const warned = report.commits.filter((c) => c.verdict === 'warning');
    io.out(`${report.channel} ${report.range}: ${report.commits.length} commits, ${failed.length} would fail, ${warned.length} with warnings, ${report.commits.length - failed.length - warned.length} pass`);
    io.out('rule                 commits failing  with warnings');
    for (const [rule, n] of Object.entries(report.byRule).sort(([a], [b]) => a.localeCompare(b)))
        io.out(`  ${rule.padEnd(20)} ${String(n.errors).padStart(15)}  ${String(n.warnings).padStart(13)}`);
    for (const c of failed)
        io.out(`fail ${c.sha.slice(0, 12)} ${rfc3339(c.time).slice(0, 10)} [${c.errors.join(', ')}] ${safeLine(c.subject).slice(0, 100)}`);
}
async function auditCommand(argv, io) {
    const values = parse('audit', argv, {
        repo: { type: 'string', default: '.' },
        history: { type: 'string' },
        channel: { type: 'string' },
        titles: { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    const { repoDir, policy, source } = await openLocalRepo(values.repo, values.config);
    const tips = await channelTips(repoDir, policy);
    if (values.history === undefined) {
        if (values.channel !== undefined)
            throw new UsageError('--channel goes with --history (see: package-storage audit --help)');
        const audit = await auditState(repoDir, policy, tips);
        if (values.json)
            io.out(JSON.stringify({
                policy: source,
                ...audit,
                refused: audit.refused.map((f) => ({ channel: f.channel, ...findingJson(f) })),
            }));
        else {
            io.out(`policy: ${safeLine(source)}`);
            printState(io, audit);
        }
        return 0;
    }
    if (!values.channel)
        throw new UsageError('--history needs --channel (see: package-storage audit --help)');
    const channel = channelByName(policy, values.channel) ?? channelByBranch(policy, values.channel);
    if (!channel)
        throw new UsageError(`${values.channel} is not a channel (channels: ${policy.channels.map((c) => `${c.name} on ${c.branch}`).join(', ')})`);
    if (!/^[^\s]*\.\.[^\s.][^\s]*$/.test(values.history))
        throw new UsageError(`--history ${values.history}: give a range REV..REV (or ..REV for the whole history)`);
    const report = await replayHistory({
        repoDir,
        policy,
        channel,
        range: values.history,
        tips,
        titles: values.titles ?? false,
    });
    if (values.json)
        io.out(JSON.stringify({
            policy: source,
            channel: report.channel,
            range: report.range,
            commits: report.commits.map((c) => ({
                sha: c.sha,
                date: rfc3339(c.time),
                subject: c.subject,
                verdict: c.verdict,
                errors: c.errors,
                warnings: c.warnings,
                versions: c.versions,
                findings: c.findings.map(findingJson),
            })),
            byRule: report.byRule,
        }));
    else {
        io.out(`policy: ${safeLine(source)}`);
        printHistory(io, report);
    }
    return 0;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/core/selection.ts
// Which package versions a promotion takes: specs such as `nginx@1.6.0`, `system@latest`, `aws_*@latest`,
// `apm@8.0.0-rc1` or `nginx` (= latest), matched with minimatch on names against what the source channel holds.



const namePattern = /^[a-z0-9_*?[\]{},!-]+$/;
/** Parses `name@version` specs; versions may be prereleases (the old tool split on `-` and could not). */
function parseSpecs(input) {
    const specs = [];
    for (const raw of input) {
        const text = raw.trim();
        if (text === '')
            continue;
        const at = text.indexOf('@');
        const name = at === -1 ? text : text.slice(0, at);
        const version = at === -1 ? 'latest' : text.slice(at + 1);
        if (!namePattern.test(name))
            throw new UsageError(`package spec ${JSON.stringify(text)}: the name must be a package name or a glob (a-z, 0-9, _, *, ?)`);
        if (version !== 'latest' && version !== '*' && !isStrictSemver(version))
            throw new UsageError(`package spec ${JSON.stringify(text)}: the version must be strict semver (e.g. 1.6.0 or 8.0.0-rc1), "latest" or "*"`);
        specs.push({ text, name, version });
    }
    if (specs.length === 0)
        throw new UsageError('no packages selected: give at least one spec such as nginx@1.6.0 or system@latest');
    return specs;
}
/** Splits a list input on commas, whitespace and newlines (`#` starts a comment). */
function splitSpecs(input) {
    return input
        .split('\n')
        .map((line) => line.replace(/#.*$/, ''))
        .flatMap((line) => line.split(/[,\s]+/))
        .filter((s) => s.length > 0);
}
/**
 * Resolves specs against the source channel's versions (name -> versions). Markers are never selected by a glob.
 * Returns the chosen versions, sorted, and a problem for every spec that chose nothing.
 */
function selectVersions(specs, available, markers = []) {
    const chosen = new Map();
    const problems = [];
    const names = [...available.keys()].sort();
    for (const spec of specs) {
        const glob = /[*?[\]{}!]/.test(spec.name);
        const matching = glob
            ? names.filter((n) => !markers.includes(n) && minimatch(n, spec.name))
            : names.filter((n) => n === spec.name);
        if (matching.length === 0) {
            problems.push({
                spec: spec.text,
                message: glob
                    ? `no package name matches ${spec.name}`
                    : `package ${spec.name} is not in the source channel`,
            });
            continue;
        }
        for (const name of matching) {
            const versions = sortVersions([...(available.get(name) ?? [])].filter(isStrictSemver));
            let picked;
            if (spec.version === 'latest')
                picked = versions.slice(-1);
            else if (spec.version === '*')
                picked = versions;
            else
                picked = versions.filter((v) => v === spec.version);
            if (picked.length === 0) {
                if (!glob || spec.version !== 'latest')
                    problems.push({
                        spec: spec.text,
                        message: spec.version === 'latest' || spec.version === '*'
                            ? `package ${name} has no version in the source channel`
                            : `${name}@${spec.version} is not in the source channel (it has ${versions.slice(-5).join(', ') || 'no versions'}${versions.length > 5 ? ', …' : ''})`,
                    });
                continue;
            }
            for (const version of picked) {
                const key = `${name}@${version}`;
                const entry = chosen.get(key) ?? { name, version, specs: [] };
                entry.specs.push(spec.text);
                chosen.set(key, entry);
            }
        }
        // A glob may match names that have no version at all: the spec must still not pass silently.
        if (glob && spec.version === 'latest' && ![...chosen.values()].some((c) => c.specs.includes(spec.text)))
            problems.push({
                spec: spec.text,
                message: `no package matching ${spec.name} has a version in the source channel`,
            });
    }
    const selected = [...chosen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || compareVersions(a.version, b.version));
    return { selected, problems };
}

;// CONCATENATED MODULE: ./src/git/write.ts
// Writing commits without a working tree: trees are edited object by object (`git mktree`), so a promoted version
// is the source's tree object itself and its id is unchanged by construction.


async function mktree(repoDir, entries) {
    const body = Buffer.concat(entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.type} ${e.oid}\t`), e.rawName, Buffer.from([0])])));
    // --missing: a trees-only (blobless) fetch has no blobs, and none are needed to reuse tree entries.
    const result = await git_gitRaw(['mktree', '-z', '--missing'], { cwd: repoDir, input: body });
    return result.stdout.toString('utf8').trim();
}
const typeOfMode = (mode) => mode === '040000' ? 'tree' : mode === '160000' ? 'commit' : 'blob';
/** Applies edits (slash-separated paths) to a tree and returns the new tree id; unchanged subtrees keep their ids. */
async function editTree(repoDir, objects, baseTree, edits) {
    const root = { children: new Map() };
    for (const [path, edit] of edits) {
        let node = root;
        for (const segment of path.split('/')) {
            if (segment === '' || segment === '.' || segment === '..')
                throw new errors_OperationError(`invalid path in tree edit: ${path}`);
            let child = node.children.get(segment);
            if (!child)
                node.children.set(segment, (child = { children: new Map() }));
            node = child;
        }
        node.edit = edit;
    }
    const apply = async (tree, node) => {
        const entries = new Map();
        for (const e of tree ? ((await objects.tree(tree)) ?? []) : [])
            entries.set(e.name, e);
        for (const [name, child] of node.children) {
            const current = entries.get(name);
            let result;
            if (child.edit !== undefined) {
                result = child.edit
                    ? {
                        mode: child.edit.mode,
                        name,
                        rawName: Buffer.from(name),
                        oid: child.edit.oid,
                        type: typeOfMode(child.edit.mode),
                    }
                    : undefined;
                // Edits below an edited path apply on top of the new object.
                if (result && result.type === 'tree' && child.children.size > 0) {
                    const oid = await apply(result.oid, { children: child.children });
                    result = oid ? { ...result, oid } : undefined;
                }
            }
            else {
                const oid = await apply(current?.type === 'tree' ? current.oid : undefined, child);
                result = oid
                    ? { mode: '040000', name, rawName: current?.rawName ?? Buffer.from(name), oid, type: 'tree' }
                    : undefined;
            }
            if (result)
                entries.set(name, result);
            else
                entries.delete(name);
        }
        if (entries.size === 0)
            return undefined; // git has no empty subtrees
        return mktree(repoDir, [...entries.values()]);
    };
    return (await apply(baseTree, root)) ?? (await mktree(repoDir, []));
}
/** `git commit-tree` with a fixed identity and date, so the same inputs give the same commit id. */
async function commitTree(repoDir, o) {
    const date = `${o.date} +0000`;
    const result = await git_gitRaw(['commit-tree', o.tree, ...o.parents.flatMap((p) => ['-p', p]), '-F', '-'], {
        cwd: repoDir,
        input: o.message.endsWith('\n') ? o.message : `${o.message}\n`,
        env: {
            GIT_AUTHOR_NAME: o.author.name,
            GIT_AUTHOR_EMAIL: o.author.email,
            GIT_AUTHOR_DATE: date,
            GIT_COMMITTER_NAME: o.author.name,
            GIT_COMMITTER_EMAIL: o.author.email,
            GIT_COMMITTER_DATE: date,
        },
    });
    return result.stdout.toString('utf8').trim();
}
async function commitTime(repoDir, commit) {
    const result = await git_gitRaw(['show', '-s', '--format=%ct', commit], { cwd: repoDir });
    return Number(result.stdout.toString('utf8').trim());
}
async function treeOfCommit(repoDir, commit) {
    const result = await git_gitRaw(['rev-parse', '--verify', `${commit}^{tree}`], { cwd: repoDir });
    return result.stdout.toString('utf8').trim();
}
/**
 * Pushes `commit` to `refs/heads/<branch>` only if the remote ref still is `expected` (undefined = must not
 * exist): a concurrent writer makes this fail as `stale` instead of being overwritten.
 */
async function pushWithLease(repoDir, o) {
    const ref = `refs/heads/${o.branch}`;
    const result = await git_gitRaw([
        'push',
        '--porcelain',
        '--no-verify',
        `--force-with-lease=${ref}:${o.expected ?? ''}`,
        o.remote ?? 'origin',
        `${o.commit}:${ref}`,
    ], { cwd: repoDir, okCodes: [1] });
    if (result.code === 0)
        return { status: 'pushed' };
    const output = `${result.stdout.toString('utf8')}\n${result.stderr}`;
    if (/stale info|fetch first|rejected.*\(stale|non-fast-forward|cannot lock ref|reference already exists/i.test(output))
        return {
            status: 'stale',
            message: output
                .trim()
                .split('\n')
                .find((l) => l.includes('!')) ?? 'stale',
        };
    const reason = output
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('To ') && l !== 'Done')
        .slice(0, 3)
        .join(' / ');
    throw new errors_OperationError(`git push of ${o.branch} failed: ${reason}`);
}

;// CONCATENATED MODULE: ./src/promote/engine.ts
// Promotion and cleanup on git: plan from the channel tips, build the commit from tree objects, check it with the
// validate engine, and push it with a lease. Shared by the promote action and the CLI.











const defaultIdentity = {
    name: 'github-actions[bot]',
    email: '41898282+github-actions[bot]@users.noreply.github.com',
};
/** `Name <email>` for commits; default: the Actions bot. */
function parseIdentity(text) {
    if (!text)
        return defaultIdentity;
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(text);
    if (!match)
        throw new UsageError(`--author must look like "Name <email>" (got ${JSON.stringify(text)})`);
    return { name: match[1], email: match[2] };
}
function tipOf(tips, channel) {
    return tips.get(channel.branch);
}
/**
 * Content identities of the trees that differ between `own` and the copies of the same versions in `others`: the
 * "identical in a more stable channel" decisions compare bytes per path, not file modes (policy `identity: tree`
 * keeps strict tree ids). Work is bounded by the versions present in both.
 */
async function identitiesFor(reader, policy, own, others) {
    const identities = new Map();
    if (policy.identity !== 'content')
        return identities;
    const trees = new Set();
    for (const [name, versions] of own)
        for (const [version, tree] of versions)
            for (const other of others) {
                const theirs = treeOf(other, name, version);
                if (theirs !== undefined && theirs !== tree)
                    trees.add(tree).add(theirs);
            }
    for (const tree of trees) {
        const id = await reader.contentIdentity(tree, policy.limits.filesPerVersion);
        if (id !== undefined)
            identities.set(tree, id);
    }
    return identities;
}
async function withKibana(reader, policy, versions) {
    const limits = { manifestBytes: policy.limits.manifestBytes, filesPerVersion: 1 };
    return Promise.all(versions.map(async (v) => {
        const content = await reader.versionContent(v.tree, limits);
        if (!content.manifest?.text)
            return v;
        const range = checkManifest(content.manifest.text, v, { hasReadme: true }).fields.kibanaRange;
        return range ? { ...v, kibana: range } : v;
    }));
}
async function checkResult(repoDir, policy, channel, o) {
    const channelTips = new Map(policy.channels.filter((c) => c !== channel).map((c) => [c.name, tipOf(o.tips, c)]));
    const outcome = await evaluate({
        repoDir,
        policy,
        channel,
        before: o.before,
        after: o.after,
        channelTips,
        title: o.title,
        headBranch: o.headBranch,
    });
    const errors = outcome.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0)
        throw new RefusedError(`the result would fail the validate check on ${channel.branch}`, 
        // One refusal per problem: a grouped finding lists each of its items with its own path and line.
        errors.flatMap((f) => (f.details?.length ? f.details : [f]).map((d) => ({
            ...(f.package ? { package: f.package } : {}),
            ...(f.version ? { version: f.version } : {}),
            message: `[${f.rule}] ${d.path ? `${d.path}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}`,
        }))));
    return outcome.findings;
}
/** Builds (but does not push) the promotion commit: the target's tip with each selected version's tree copied. */
async function preparePromotion(request) {
    const { policy, repoDir } = request;
    const edge = promotionEdge(policy, request.from, request.to);
    const fromTip = tipOf(request.tips, edge.from);
    const toTip = tipOf(request.tips, edge.to);
    if (!fromTip)
        throw missingBranchError(edge.from);
    if (!toTip)
        throw missingBranchError(edge.to);
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const sourceVersions = await reader.allVersions(fromTip);
        const available = new Map();
        for (const v of sourceVersions) {
            const versions = available.get(v.name);
            if (versions)
                versions.push(v.version);
            else
                available.set(v.name, [v.version]);
        }
        const selection = selectVersions(request.specs, available, edge.from.markers);
        const names = [...new Set(selection.selected.map((s) => s.name))];
        const sourceHoldings = await reader.holdings(fromTip, names);
        const targetHoldings = await reader.holdings(toTip, names);
        const plan = planPromotion(policy, request.from, request.to, selection, sourceHoldings, targetHoldings, await identitiesFor(reader, policy, sourceHoldings, [targetHoldings]));
        if (plan.refusals.length > 0)
            throw new RefusedError(`cannot promote from ${edge.from.name} to ${edge.to.name}`, plan.refusals);
        plan.versions = await withKibana(reader, policy, plan.versions);
        const title = promotionTitle(plan);
        const change = {
            kind: 'promote',
            branch: plan.branch,
            base: edge.to.branch,
            baseSha: toTip,
            direct: false,
            title,
            body: promotionBody(plan),
            versions: plan.versions,
            alreadyPromoted: plan.alreadyPromoted,
            findings: [],
        };
        if (plan.versions.length === 0)
            return change;
        const edits = new Map(plan.versions.map((v) => [
            versionDir(policy.packagesRoot, v.name, v.version),
            { mode: '040000', oid: v.tree },
        ]));
        const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, toTip), edits);
        const date = Math.max(await commitTime(repoDir, toTip), await commitTime(repoDir, fromTip));
        change.commit = await commitTree(repoDir, {
            tree,
            parents: [toTip],
            message: promotionCommitMessage(plan),
            author: request.identity ?? defaultIdentity,
            date,
        });
        change.findings = await checkResult(repoDir, policy, edge.to, {
            before: toTip,
            after: change.commit,
            title,
            headBranch: plan.branch,
            tips: request.tips,
        });
        return change;
    }
    finally {
        reader.close();
    }
}
/** Builds the cleanup commit: the channel's tip without the versions a more stable channel holds identically. */
async function prepareCleanup(request) {
    const { policy, repoDir } = request;
    const channel = channelByName(policy, request.channel);
    if (!channel)
        throw new UsageError(`unknown channel "${request.channel}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`);
    const tip = tipOf(request.tips, channel);
    if (!tip)
        throw missingBranchError(channel);
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const own = await reader.allVersions(tip);
        const names = [...new Set(own.map((v) => v.name))];
        const ownHoldings = await reader.holdings(tip, names);
        const others = new Map(await Promise.all(moreStable(policy, channel).map(async (c) => [c.name, await reader.holdings(tipOf(request.tips, c), names)])));
        const plan = planCleanup(policy, channel, ownHoldings, others, await identitiesFor(reader, policy, ownHoldings, [...others.values()]));
        const title = cleanupTitle(plan);
        const direct = (request.direct ?? true) && channel.directCommits;
        const change = {
            kind: 'cleanup',
            branch: direct ? channel.branch : plan.branch,
            base: channel.branch,
            baseSha: tip,
            direct,
            title,
            body: cleanupBody(plan),
            versions: plan.versions,
            alreadyPromoted: [],
            findings: [],
        };
        if (plan.versions.length === 0)
            return change;
        const edits = new Map(plan.versions.map((v) => [versionDir(policy.packagesRoot, v.name, v.version), null]));
        const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, tip), edits);
        const dates = await Promise.all([tip, ...moreStable(policy, channel).map((c) => tipOf(request.tips, c))]
            .filter((t) => t !== undefined)
            .map((t) => commitTime(repoDir, t)));
        change.commit = await commitTree(repoDir, {
            tree,
            parents: [tip],
            message: cleanupCommitMessage(plan),
            author: request.identity ?? defaultIdentity,
            date: Math.max(...dates),
        });
        change.findings = await checkResult(repoDir, policy, channel, {
            before: tip,
            after: change.commit,
            title,
            headBranch: plan.branch,
            tips: request.tips,
        });
        return change;
    }
    finally {
        reader.close();
    }
}
/** What pushing `change` would do to a branch whose tip is `current`. */
async function operationFor(repoDir, change, current) {
    if (!change.commit)
        return 'none';
    if (change.direct)
        return 'updated';
    if (current === undefined)
        return 'created';
    if (current === change.commit)
        return 'unchanged';
    // Same content on the same base (e.g. made by another identity): leave it alone.
    const [currentTree, newTree] = await Promise.all([
        treeOfCommit(repoDir, current).catch(() => ''),
        treeOfCommit(repoDir, change.commit),
    ]);
    if (currentTree === newTree) {
        const parent = await treeOfCommit(repoDir, `${current}^`).catch(() => '');
        const base = await treeOfCommit(repoDir, change.baseSha);
        if (parent === base)
            return 'unchanged';
    }
    return 'updated';
}
/**
 * After a direct cleanup commit landed: the versions it removed whose identical tree is no longer in any more stable
 * channel (one lost it between planning and pushing, e.g. through an approved exception). Such versions must go
 * back, or they would be in no distribution.
 */
async function vanishedRemovals(repoDir, policy, change, tips) {
    const channel = policy.channels.find((c) => c.branch === change.base);
    if (!channel || change.kind !== 'cleanup')
        return [];
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const names = [...new Set(change.versions.map((v) => v.name))];
        const stabler = await Promise.all(moreStable(policy, channel).map((c) => reader.holdings(tipOf(tips, c), names)));
        const removed = new Map();
        for (const v of change.versions) {
            if (!removed.has(v.name))
                removed.set(v.name, new Map());
            removed.get(v.name).set(v.version, v.tree);
        }
        const identities = await identitiesFor(reader, policy, removed, stabler);
        return change.versions.filter((v) => !stabler.some((h) => sameContent(identities, treeOf(h, v.name, v.version), v.tree)));
    }
    finally {
        reader.close();
    }
}
/** A commit on `parent` that puts `versions` back (their trees are still in the object store). */
async function restoreCommit(repoDir, policy, parent, versions, identity = defaultIdentity) {
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const edits = new Map(versions.map((v) => [
            versionDir(policy.packagesRoot, v.name, v.version),
            { mode: '040000', oid: v.tree },
        ]));
        const tree = await editTree(repoDir, reader.objects, await treeOfCommit(repoDir, parent), edits);
        return commitTree(repoDir, {
            tree,
            parents: [parent],
            message: `Restore ${versions.map((v) => `${v.name}-${v.version}`).join(', ')}\n\nA more stable channel lost these versions while the cleanup that removed them was being pushed;\nthey go back so that every version stays in some distribution.\n`,
            author: identity,
            date: await commitTime(repoDir, parent),
        });
    }
    finally {
        reader.close();
    }
}

;// CONCATENATED MODULE: ./src/git/remote.ts
// Fetches what a depth-1 `actions/checkout` clone lacks. Trees only (`--filter=blob:none`) for other channels:
// their tree ids are all the policy needs, and a production branch can hold hundreds of megabytes of blobs.


/** Current tips of the given branches on the remote (absent branches are left out). */
async function remoteBranchTips(repoDir, branches, remote = 'origin') {
    const tips = new Map();
    if (branches.length === 0)
        return tips;
    const result = await git_gitRaw(['ls-remote', '--heads', remote, ...branches.map((b) => `refs/heads/${b}`)], {
        cwd: repoDir,
    });
    for (const line of result.stdout.toString('utf8').split('\n')) {
        const [sha, ref] = line.split('\t');
        const branch = ref === undefined ? undefined : branchOfRef(ref);
        if (sha && branch !== undefined)
            tips.set(branch, sha);
    }
    return tips;
}
async function fetch(repoDir, refspecs, options = {}) {
    if (refspecs.length === 0)
        return;
    const args = [
        '-c',
        'protocol.version=2',
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        '--quiet',
    ];
    if (options.depth !== undefined)
        args.push(`--depth=${options.depth}`);
    if (options.treesOnly)
        args.push('--filter=blob:none');
    args.push(options.remote ?? 'origin', ...refspecs);
    try {
        await git_gitRaw(args, { cwd: repoDir });
    }
    catch (error) {
        throw new errors_OperationError(`could not fetch ${refspecs.join(', ')} from ${options.remote ?? 'origin'}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
}
/** Fetches the tips of `branches` into refs/remotes/<remote>/<branch>; returns the tips found. */
async function fetchBranches(repoDir, branches, options = {}) {
    const remote = options.remote ?? 'origin';
    const tips = await remoteBranchTips(repoDir, branches, remote);
    // Fetch by exact sha so the commits we read are the ones we report, even if a branch moves meanwhile.
    await fetch(repoDir, [...tips].map(([branch, sha]) => `+${sha}:refs/remotes/${remote}/${branch}`), { depth: 1, ...options });
    return tips;
}

;// CONCATENATED MODULE: ./src/promote/push.ts
// Pushing a prepared change: compare with what the branch holds, write it with a lease, and when another writer
// moved a branch first, fetch again and re-plan (bounded), so concurrent runs converge on one consistent branch.
// The write is `git push --force-with-lease`, or (signed commits) the same commit recreated by GitHub's API and
// the branch moved conditionally there: either way the branch moves from the value just read or not at all.







/** `git push --force-with-lease` of the commit itself. */
function gitWriter(repoDir) {
    return {
        async write(o) {
            const result = await pushWithLease(repoDir, {
                commit: o.commit,
                branch: o.branch,
                expected: o.expected,
            });
            return result.status === 'pushed' ? { status: 'pushed', sha: o.commit } : result;
        },
    };
}
/** The directories above each version's directory: the trees a promotion or cleanup of `versions` rewrites. */
function changedDirs(policy, versions) {
    const dirs = new Set(['']);
    for (const v of versions) {
        const segments = versionDir(policy.packagesRoot, v.name, v.version).split('/');
        for (let i = 1; i < segments.length; i++)
            dirs.add(segments.slice(0, i).join('/'));
    }
    return [...dirs];
}
/**
 * Whether commit `tip` is exactly `change` made by anyone (another identity, or GitHub for a signed commit): one
 * commit whose only parent is the planned base and whose tree is the planned tree. Read from the raw commit, so a
 * shallow fetch of `tip` is enough.
 */
async function holdsChange(repoDir, tip, change) {
    if (!change.commit)
        return false;
    const raw = await git_gitRaw(['cat-file', 'commit', tip], { cwd: repoDir, okCodes: [128] });
    if (raw.code !== 0)
        return false;
    const headers = raw.stdout.toString('utf8').split('\n\n')[0].split('\n');
    const parents = headers.filter((l) => l.startsWith('parent ')).map((l) => l.slice('parent '.length));
    const tree = headers.find((l) => l.startsWith('tree '))?.slice('tree '.length);
    return (parents.length === 1 &&
        parents[0] === change.baseSha &&
        tree === (await treeOfCommit(repoDir, change.commit)));
}
/** After a write that git did not do (the API), the local repository learns the new tip by fetching it. */
async function recordTip(options, branch, sha) {
    const { repoDir } = options;
    const known = await git_gitRaw(['cat-file', '-e', `${sha}^{commit}`], { cwd: repoDir, okCodes: [1, 128] });
    if (known.code !== 0)
        await fetch(repoDir, [sha], { depth: 1, treesOnly: true });
    await git_gitRaw(['update-ref', `refs/remotes/origin/${branch}`, sha], { cwd: repoDir });
}
/**
 * A direct cleanup commit is leased on its own branch only; a more stable channel could lose a removed version in
 * the meantime. Re-read those channels after the push and put back anything that would otherwise be in no
 * distribution (bounded; a PR cleanup needs none of this: the required check re-evaluates it at merge time).
 */
async function restoreIfVanished(options, change) {
    const { repoDir, policy } = options;
    let tip = change.commit;
    for (let attempt = 1; attempt <= 3; attempt++) {
        const remote = await fetchBranches(repoDir, policy.channels.map((c) => c.branch), { treesOnly: true });
        const tips = new Map(policy.channels.map((c) => [c.branch, remote.get(c.branch)]));
        const lost = await vanishedRemovals(repoDir, policy, change, tips);
        if (lost.length === 0)
            return;
        const current = remote.get(change.branch);
        if (current !== tip) {
            // Someone moved the branch after our push: restore on top of what is there now.
            if (!current)
                throw new errors_OperationError(`${change.branch} disappeared while restoring ${lost.map((v) => `${v.name}@${v.version}`).join(', ')}`);
            tip = current;
        }
        const restore = await restoreCommit(repoDir, policy, tip, lost);
        const result = await (options.writer ?? gitWriter(repoDir)).write({
            commit: restore,
            branch: change.branch,
            expected: tip,
            dirs: changedDirs(policy, lost),
            fastForward: true,
        });
        if (result.status === 'pushed') {
            await recordTip(options, change.branch, result.sha);
            change.restored = lost;
            return;
        }
    }
    throw new errors_OperationError(`${change.base} may have lost ${change.versions.map((v) => `${v.name}@${v.version}`).join(', ')}: a more stable channel dropped them while the cleanup was pushed, and restoring them kept failing; restore them by hand`);
}
async function pushChange(options, prepare) {
    const { repoDir, policy } = options;
    const maxAttempts = options.maxAttempts ?? 3;
    for (let attempt = 1;; attempt++) {
        let tips;
        if (options.push) {
            // Plan on what origin has now (trees only: blobs are never needed to copy or drop whole versions).
            const remote = await fetchBranches(repoDir, policy.channels.map((c) => c.branch), { treesOnly: true });
            tips = new Map(policy.channels.map((c) => [c.branch, remote.get(c.branch)]));
        }
        else
            tips = await localBranchTips(repoDir, policy.channels.map((c) => c.branch));
        const change = await prepare(tips);
        if (!change.commit)
            return { change, operation: 'none', attempts: attempt };
        if (!options.push) {
            const local = await resolveBranch(repoDir, change.branch).then((r) => r?.ref.startsWith('refs/heads/') ? r.sha : undefined);
            const operation = await operationFor(repoDir, change, local);
            if (operation !== 'unchanged' && !options.dryRun && options.updateLocalBranch) {
                const head = await git_gitRaw(['symbolic-ref', '--quiet', 'HEAD'], { cwd: repoDir, okCodes: [1, 128] });
                if (head.code === 0 && head.stdout.toString('utf8').trim() === `refs/heads/${change.branch}`)
                    throw new UsageError(`${change.branch} is checked out in ${repoDir}; switch to another branch first`);
                await git_gitRaw(['update-ref', '-m', 'package-storage', `refs/heads/${change.branch}`, change.commit, local ?? ''], { cwd: repoDir });
            }
            return { change, operation, attempts: attempt };
        }
        // A direct commit must land on exactly the tip it was planned on; a PR branch on whatever it holds now.
        const current = change.direct
            ? change.baseSha
            : (await remoteBranchTips(repoDir, [change.branch])).get(change.branch);
        if (current && !change.direct)
            await fetch(repoDir, [`+${current}:refs/remotes/origin/${change.branch}`], {
                depth: 1,
                treesOnly: true,
            });
        let operation = await operationFor(repoDir, change, current);
        // The same change made by someone else (another identity, or GitHub signing it) is left as it is.
        if (operation === 'updated' && current && !change.direct && (await holdsChange(repoDir, current, change)))
            operation = 'unchanged';
        if (operation === 'unchanged')
            return { change, operation, attempts: attempt, tip: current ?? change.commit };
        if (options.dryRun)
            return { change, operation, attempts: attempt };
        const result = await (options.writer ?? gitWriter(repoDir)).write({
            commit: change.commit,
            branch: change.branch,
            expected: current,
            dirs: changedDirs(policy, change.versions),
            fastForward: change.direct,
        });
        if (result.status === 'pushed') {
            // The branch tip is what was written (a commit GitHub made has another id than the local one).
            change.commit = result.sha;
            await recordTip(options, change.branch, result.sha);
            if (change.kind === 'cleanup' && change.direct)
                await restoreIfVanished(options, change);
            if (options.updateLocalBranch && !change.direct)
                await git_gitRaw(['update-ref', `refs/heads/${change.branch}`, change.commit], { cwd: repoDir });
            return {
                change,
                operation,
                attempts: attempt,
                tip: result.sha,
                ...(result.verified !== undefined ? { verified: result.verified } : {}),
            };
        }
        if (attempt >= maxAttempts)
            throw new errors_OperationError(`${change.branch} kept moving on origin while pushing (${maxAttempts} attempts): ${result.message}`);
    }
}

;// CONCATENATED MODULE: ./src/cli/promote.ts
// `package-storage promote` and `package-storage cleanup`: the promote action's engine without any GitHub API.
// They write the local branch promote/<from>-to-<to> or cleanup/<channel>, and push it with a lease on --push.






const promoteUsage = `usage: package-storage promote --repo DIR --from CH --to CH --packages SPEC[,SPEC...] [--push]
                               [--author "N <E>"] [--config FILE] [--json]

Creates or updates the local branch promote/<from>-to-<to>: the tip of <to> with each selected version's tree
copied from <from> (same tree ids). Nothing from <to> is removed; versions are never overwritten.
  --repo DIR       the storage repository (default: .)
  --from CH        the channel to promote from (e.g. snapshot)
  --to CH          the channel to promote to; from -> to must be a promotion the policy allows
  --packages SPEC  nginx@1.6.0, apm@8.0.0-rc1, system@latest, aws_*@latest, nginx@* (comma-separated)
  --push           fetch the channel branches first, then push the branch to origin with a lease
  --author "N <E>" commit identity (default: ${defaultIdentity.name} <${defaultIdentity.email}>)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch)
  --json           print {"branch", "commit", "packages": [{"name", "version", "tree"}], "operation"}
Exit: 0 done (also when there is nothing to do), 1 refused (absent, conflicting or invalid versions), 2 usage, 3 git failure.`;
const cleanupUsage = `usage: package-storage cleanup --repo DIR --channel CH [--push] [--author "N <E>"] [--config FILE] [--json]

Creates or updates the local branch cleanup/<CH>: the tip of <CH> without every version whose identical tree is
already in a more stable channel (so it stays served).
  --repo DIR       the storage repository (default: .)
  --channel CH     the channel to clean up (e.g. snapshot)
  --push           fetch the channel branches first, then push the branch to origin with a lease
  --author "N <E>" commit identity (default: ${defaultIdentity.name} <${defaultIdentity.email}>)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch)
  --json           print {"branch", "commit", "packages": [{"name", "version", "tree"}], "operation"}
Exit: 0 done, 1 refused, 2 usage, 3 git failure.`;
function report(io, json, { change, operation }) {
    if (json) {
        io.out(JSON.stringify({
            branch: change.branch,
            commit: change.commit ?? null,
            packages: change.versions.map((v) => ({ name: v.name, version: v.version, tree: v.tree })),
            operation,
        }));
        return;
    }
    if (operation === 'none') {
        io.out(change.kind === 'promote'
            ? 'nothing to promote: every selected version is already in the target with the same tree'
            : `nothing to clean up on ${change.base}`);
    }
    else {
        io.out(`${operation} ${change.branch} at ${change.commit} (base ${change.base} ${change.baseSha.slice(0, 12)})`);
        io.out(`title: ${safeLine(change.title)}`);
        for (const v of change.versions)
            io.out(`  ${v.name}@${v.version}  tree ${v.tree}${v.kibana ? `  kibana ${safeLine(v.kibana)}` : ''}`);
    }
    for (const v of change.alreadyPromoted)
        io.out(`  already promoted: ${v.name}@${v.version}`);
    for (const f of change.findings.filter((x) => x.severity !== 'notice'))
        io.out(`${f.severity} ${f.rule}: ${safeLine(f.message)}`);
}
const common = {
    repo: { type: 'string', default: '.' },
    push: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    config: { type: 'string' },
    author: { type: 'string' },
};
async function promoteCommand(argv, io) {
    const values = parse('promote', argv, {
        ...common,
        from: { type: 'string' },
        to: { type: 'string' },
        packages: { type: 'string' },
    });
    required('promote', values, 'from', 'to', 'packages');
    const specs = parseSpecs(splitSpecs(values.packages));
    const identity = parseIdentity(values.author);
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    const pushed = await pushChange({ repoDir, policy, push: values.push ?? false, updateLocalBranch: true }, (tips) => preparePromotion({ repoDir, policy, from: values.from, to: values.to, specs, tips, identity }));
    report(io, values.json ?? false, pushed);
    return 0;
}
async function cleanupCommand(argv, io) {
    const values = parse('cleanup', argv, { ...common, channel: { type: 'string' } });
    required('cleanup', values, 'channel');
    const identity = parseIdentity(values.author);
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    const pushed = await pushChange({ repoDir, policy, push: values.push ?? false, updateLocalBranch: true }, (tips) => prepareCleanup({ repoDir, policy, channel: values.channel, tips, identity, direct: false }));
    report(io, values.json ?? false, pushed);
    return 0;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/oci/digest.ts

const digestPattern = /^sha256:[0-9a-f]{64}$/;
function isDigest(value) {
    return typeof value === 'string' && digestPattern.test(value);
}
/** The 64 hex characters of a digest (the file name under `blobs/sha256/`); throws on anything else. */
function digestHex(digest) {
    if (!isDigest(digest))
        throw new Error(`not a sha256 digest: ${JSON.stringify(digest.slice(0, 80))}`);
    return digest.slice('sha256:'.length);
}
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/oci/types.ts
// OCI image-spec and Docker v2 manifest shapes shared by the image builder (src/oci) and the registry
// client (src/registry). Only the fields we read or write are typed; unknown fields are preserved as-is
// because a manifest's digest is the hash of its exact bytes.
const types_MediaType = {
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
    ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    ociLayerTar: 'application/vnd.oci.image.layer.v1.tar',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
    ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
    ociLayerNondistributableGzip: 'application/vnd.oci.image.layer.nondistributable.v1.tar+gzip',
    dockerForeignLayerGzip: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
};
/** Annotation keys written by src/oci (OCI pre-defined keys plus containerd's image-name key and our own). */
const Annotation = {
    /** OCI layout: the tag of an index.json entry (tag only, no repository: OCI image-spec annotations.md). */
    refName: 'org.opencontainers.image.ref.name',
    /** containerd / Docker >= 25 `docker load`: the full image reference of an index.json entry. */
    containerdImageName: 'io.containerd.image.name',
    /** Our layer annotation: what a layer was built from (e.g. a git tree id), to find reusable layers later. */
    layerSource: 'io.package-storage.layer.source',
    /** Our layer annotation: how the layer was built (tar format version, mtime, destination), see layer.ts. */
    layerRecipe: 'io.package-storage.layer.recipe',
};
/** Every manifest type we can read, in the order we prefer it (sent as the Accept list). */
const manifestAccept = [
    types_MediaType.ociIndex,
    types_MediaType.ociManifest,
    types_MediaType.dockerManifestList,
    types_MediaType.dockerManifest,
];

;// CONCATENATED MODULE: ./src/oci/image.ts
// Image assembly: base image + new layers -> deterministic config and OCI manifest (src/oci/README.md, "Image").
//
// Choices:
// - The output is always an OCI image manifest with an OCI config media type. Docker v2 base layers
//   (`application/vnd.docker.image.rootfs.diff.tar.gzip`) are relabelled as OCI gzip layers; the bytes, digest and
//   size stay the same (the two types are byte-compatible, skopeo/buildah convert the same way), so base blobs are
//   still shared with and mountable from the base repository. Mixing Docker layer types into an OCI manifest is
//   what we avoid: the image-spec does not list them.
// - JSON is canonical: object keys sorted (by UTF-16 code units, recursively), no whitespace, undefined members
//   dropped. The base config is re-serialised that way, unknown fields included, so the config digest does not
//   depend on the order in which the base registry wrote its keys.
// - Everything time-like is the given `created` (default the epoch); strings we add to history, labels and
//   annotations are checked for host paths (checkout dir, temp dir, home, runner dirs), which would make the
//   digest depend on the machine.



const DEFAULT_CREATED_BY = 'package-storage publish-image';
// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON
function canonical(value, path) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new Error(`canonical JSON: non-finite number at ${path}`);
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
        return `[${value.map((v, i) => (v === undefined ? 'null' : canonical(v, `${path}[${i}]`))).join(',')}]`;
    }
    if (typeof value === 'object') {
        const obj = value;
        const parts = [];
        for (const key of Object.keys(obj).sort()) {
            const v = obj[key];
            if (v !== undefined)
                parts.push(`${JSON.stringify(key)}:${canonical(v, `${path}.${key}`)}`);
        }
        return `{${parts.join(',')}}`;
    }
    throw new Error(`canonical JSON: cannot serialise ${typeof value} at ${path}`);
}
/** Canonical JSON bytes: sorted keys, no whitespace, UTF-8. */
function canonicalJson(value) {
    return Buffer.from(canonical(value, '$'), 'utf8');
}
// ---------------------------------------------------------------------------------------------------------------
// Helpers
/** RFC 3339 in UTC without fractional seconds when they are zero (`1970-01-01T00:00:00Z`). */
function formatCreated(created = 0) {
    if (typeof created === 'string') {
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(created) ||
            isNaN(Date.parse(created))) {
            throw new Error(`created is not an RFC 3339 timestamp: ${JSON.stringify(created.slice(0, 60))}`);
        }
        return created;
    }
    const date = typeof created === 'number' ? new Date(created * 1000) : created;
    if (isNaN(date.getTime()))
        throw new Error('created is not a valid date');
    return date.toISOString().replace(/\.000Z$/, 'Z');
}
function hostPaths() {
    const env = process.env;
    const candidates = [
        process.cwd(),
        (0,external_node_os_namespaceObject.tmpdir)(),
        (0,external_node_os_namespaceObject.homedir)(),
        env.GITHUB_WORKSPACE,
        env.RUNNER_TEMP,
        env.RUNNER_TOOL_CACHE,
        env.RUNNER_WORKSPACE,
    ];
    return [
        ...new Set(candidates
            .filter((p) => p !== undefined && p.length > 1)
            .map((p) => p.replace(/\/+$/, ''))),
    ];
}
/** Throws when `text` mentions a directory of this machine (which would make digests machine-dependent). */
function assertNoHostPath(text, what) {
    for (const p of hostPaths()) {
        let i = text.indexOf(p);
        while (i !== -1) {
            const next = text[i + p.length];
            const before = i === 0 ? undefined : text[i - 1];
            if ((next === undefined || !/[\w.-]/.test(next)) && (before === undefined || !/[\w.-]/.test(before))) {
                throw new Error(`${what} contains a host path (${p}); it would make the image digest machine-dependent`);
            }
            i = text.indexOf(p, i + 1);
        }
    }
}
const layerTypeMap = {
    [types_MediaType.dockerLayerGzip]: types_MediaType.ociLayerGzip,
    [types_MediaType.dockerForeignLayerGzip]: types_MediaType.ociLayerNondistributableGzip,
    [types_MediaType.ociLayerGzip]: types_MediaType.ociLayerGzip,
    [types_MediaType.ociLayerTar]: types_MediaType.ociLayerTar,
    [types_MediaType.ociLayerZstd]: types_MediaType.ociLayerZstd,
    [types_MediaType.ociLayerNondistributableGzip]: types_MediaType.ociLayerNondistributableGzip,
};
/** The OCI media type for a (Docker or OCI) layer media type; same bytes, same digest. */
function ociLayerMediaType(mediaType) {
    const mapped = layerTypeMap[mediaType];
    if (mapped === undefined)
        throw new Error(`unsupported layer media type ${JSON.stringify(mediaType.slice(0, 100))}`);
    return mapped;
}
function convertDescriptor(d) {
    const out = { mediaType: ociLayerMediaType(d.mediaType), digest: d.digest, size: d.size };
    if (d.annotations && Object.keys(d.annotations).length > 0)
        out.annotations = { ...d.annotations };
    if (d.urls)
        out.urls = [...d.urls];
    return out;
}
function checkStrings(record, what) {
    for (const [k, v] of Object.entries(record ?? {})) {
        if (typeof v !== 'string')
            throw new Error(`${what} ${JSON.stringify(k)} is not a string`);
        assertNoHostPath(`${k}=${v}`, `${what} ${JSON.stringify(k)}`);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Assembly
/** Appends layers to a base image (or builds from scratch when `base` is undefined). Pure and deterministic. */
function buildImage(base, layers, options = {}) {
    const created = formatCreated(options.created);
    const platform = options.platform ?? { architecture: 'amd64', os: 'linux' };
    const baseConfig = base
        ? JSON.parse(JSON.stringify(base.config))
        : { architecture: platform.architecture, os: platform.os, rootfs: { type: 'layers', diff_ids: [] } };
    if (!base && platform.variant !== undefined)
        baseConfig.variant = platform.variant;
    const baseDiffIds = baseConfig.rootfs?.diff_ids ?? [];
    const baseLayers = base?.layers ?? [];
    if (baseDiffIds.length !== baseLayers.length) {
        throw new Error(`base image is inconsistent: ${baseDiffIds.length} diff_ids for ${baseLayers.length} layers`);
    }
    const history = [...(baseConfig.history ?? [])];
    for (const [i, l] of layers.entries()) {
        const entry = { created, created_by: l.createdBy ?? DEFAULT_CREATED_BY };
        assertNoHostPath(entry.created_by ?? '', `layer ${i} created_by`);
        if (l.comment !== undefined) {
            assertNoHostPath(l.comment, `layer ${i} comment`);
            entry.comment = l.comment;
        }
        checkStrings(l.annotations, `layer ${i} annotation`);
        history.push(entry);
    }
    checkStrings(options.labels, 'label');
    checkStrings(options.annotations, 'manifest annotation');
    const runConfig = { ...(baseConfig.config ?? {}) };
    if (options.labels)
        runConfig.Labels = { ...(runConfig.Labels ?? {}), ...options.labels };
    if (options.env) {
        const env = [...(runConfig.Env ?? [])];
        for (const [name, value] of Object.entries(options.env)) {
            if (name.length === 0 || name.includes('='))
                throw new Error(`invalid environment variable name ${JSON.stringify(name)}`);
            const at = env.findIndex((e) => e === name || e.startsWith(`${name}=`));
            if (value === null) {
                if (at !== -1)
                    env.splice(at, 1);
            }
            else if (at !== -1)
                env[at] = `${name}=${value}`;
            else
                env.push(`${name}=${value}`);
        }
        runConfig.Env = env;
    }
    if (options.workingDir !== undefined)
        runConfig.WorkingDir = options.workingDir;
    if (options.entrypoint !== undefined)
        runConfig.Entrypoint = [...options.entrypoint];
    if (options.cmd !== undefined)
        runConfig.Cmd = [...options.cmd];
    if (options.user !== undefined)
        runConfig.User = options.user;
    const config = {
        ...baseConfig,
        created,
        config: runConfig,
        rootfs: { type: 'layers', diff_ids: [...baseDiffIds, ...layers.map((l) => l.diffId)] },
        history,
    };
    const configBytes = canonicalJson(config);
    const configDescriptor = {
        mediaType: types_MediaType.ociConfig,
        digest: sha256Digest(configBytes),
        size: configBytes.length,
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: types_MediaType.ociManifest,
        config: configDescriptor,
        layers: [
            ...baseLayers.map(convertDescriptor),
            ...layers.map((l) => convertDescriptor({
                mediaType: l.mediaType,
                digest: l.digest,
                size: l.size,
                annotations: l.annotations,
            })),
        ],
    };
    if (options.annotations && Object.keys(options.annotations).length > 0)
        manifest.annotations = { ...options.annotations };
    const manifestBytes = canonicalJson(manifest);
    const digest = sha256Digest(manifestBytes);
    return {
        config,
        configBytes,
        configDescriptor,
        manifest,
        manifestBytes,
        manifestDescriptor: { mediaType: types_MediaType.ociManifest, digest, size: manifestBytes.length },
        digest,
    };
}
/** Descriptor annotations recording a layer's source (`io.package-storage.layer.source`) and recipe. */
function layerSourceAnnotations(source, recipe) {
    if (source.length === 0)
        throw new Error('empty layer source');
    const a = { [Annotation.layerSource]: source };
    if (recipe !== undefined)
        a[Annotation.layerRecipe] = recipe;
    return a;
}
/** Reads back {@link layerSourceAnnotations}. */
function layerSourceOf(descriptor) {
    const source = descriptor.annotations?.[Annotation.layerSource];
    if (source === undefined)
        return undefined;
    const recipe = descriptor.annotations?.[Annotation.layerRecipe];
    return recipe === undefined ? { source } : { source, recipe };
}
/**
 * Finds the layer of a previous image (same repository, read back from the registry or a layout) built from
 * `want.source` with the same recipe. Returns its descriptor and diff_id, so the caller can skip the rebuild and
 * mount/copy the existing blob. Undefined when absent or when the previous image is inconsistent.
 */
function findReusableLayer(previous, want) {
    const layers = previous.manifest.layers;
    const diffIds = previous.config.rootfs?.diff_ids ?? [];
    if (layers.length !== diffIds.length)
        return undefined;
    for (const [index, d] of layers.entries()) {
        const got = layerSourceOf(d);
        if (!got || got.source !== want.source || got.recipe !== want.recipe)
            continue;
        const diffId = diffIds[index];
        if (diffId === undefined)
            return undefined;
        return {
            diffId,
            digest: d.digest,
            size: d.size,
            mediaType: ociLayerMediaType(d.mediaType),
            annotations: { ...d.annotations },
            index,
        };
    }
    return undefined;
}
/** The platform an image config declares (architecture, os, variant, os.version). */
function configPlatform(config) {
    const p = { architecture: config.architecture, os: config.os };
    if (typeof config.variant === 'string' && config.variant !== '')
        p.variant = config.variant;
    if (typeof config['os.version'] === 'string' && config['os.version'] !== '')
        p['os.version'] = config['os.version'];
    return p;
}
/**
 * Index over `images` in the given order. Each entry's platform is the given one (e.g. as the base's index listed
 * it, variant included), else the one the image's config declares.
 */
function buildIndex(images, annotations, platforms) {
    if (images.length === 0)
        throw new Error('an index needs at least one image');
    checkStrings(annotations, 'index annotation');
    const index = {
        schemaVersion: 2,
        mediaType: types_MediaType.ociIndex,
        manifests: images.map((image, i) => ({
            ...image.manifestDescriptor,
            platform: platforms?.[i] ?? configPlatform(image.config),
        })),
    };
    if (annotations && Object.keys(annotations).length > 0)
        index.annotations = { ...annotations };
    const indexBytes = canonicalJson(index);
    const digest = sha256Digest(indexBytes);
    return {
        index,
        indexBytes,
        descriptor: { mediaType: types_MediaType.ociIndex, digest, size: indexBytes.length },
        digest,
        images: [...images],
    };
}

;// CONCATENATED MODULE: ./src/oci/layout.ts
// OCI image layout on disk (image-spec image-layout.md): `oci-layout`, `index.json`, `blobs/sha256/<hex>`.
//
// Blobs come from local sources (our built layers: anything with `digest`, `size` and `open()`) or from a fetch
// callback `(descriptor) => Promise<Readable>` (base layers: the registry client plugs in here, or
// {@link layoutBlobFetcher} to copy from another layout). Writing is incremental: a blob already present with
// the right size is skipped; new blobs are written to a temp name, verified (size and sha256) and renamed, and
// index.json is replaced last, so an interrupted run never leaves an index pointing at a missing blob.
// Unreferenced old blobs are left in place (no garbage collection).









function isStoredIndex(image) {
    return 'images' in image;
}
/** The platform images of a stored image or index. */
function platformImages(image) {
    return isStoredIndex(image) ? image.images : [image];
}
const OCI_LAYOUT_FILE = canonicalJson({ imageLayoutVersion: '1.0.0' });
// image-spec annotations.md: ref ::= component ("/" component)*, component ::= alphanum (separator alphanum)*
const refPattern = /^[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*(?:\/[A-Za-z0-9]+(?:(?:[-._:@+]|--)[A-Za-z0-9]+)*)*$/;
function assertRefName(ref) {
    if (!refPattern.test(ref))
        throw new Error(`invalid OCI ref name ${JSON.stringify(ref.slice(0, 140))}`);
}
function platformOf(config) {
    const p = { architecture: config.architecture, os: config.os };
    if (typeof config.variant === 'string')
        p.variant = config.variant;
    return p;
}
/** index.json descriptor of one image (or index) under one ref (and, with a repository, its containerd name). */
function indexEntry(image, ref, repository) {
    const annotations = { [Annotation.refName]: ref };
    if (repository !== undefined)
        annotations[Annotation.containerdImageName] = `${repository}:${ref}`;
    if (isStoredIndex(image))
        return {
            mediaType: image.descriptor.mediaType,
            digest: image.descriptor.digest,
            size: image.descriptor.size,
            annotations,
        };
    return {
        mediaType: image.manifest.mediaType ?? image.manifestDescriptor.mediaType,
        digest: image.manifestDescriptor.digest,
        size: image.manifestDescriptor.size,
        annotations,
        platform: platformOf(image.config),
    };
}
// distribution/reference: optional domain[:port]/ then lowercase path components.
const domainPart = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?';
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const repositoryPattern = new RegExp(`^${domainPart}${pathComponent}(?:/${pathComponent})*$`);
function assertRepository(repository) {
    if (repository.length > 255 || !repositoryPattern.test(repository)) {
        throw new Error(`invalid image repository ${JSON.stringify(repository.slice(0, 260))}`);
    }
}
/** Every blob the images need (manifest, config, layers), deduplicated, in first-use order. */
function planBlobs(images, fetchBlob) {
    // Local sources of all images first: a layer one image fetches may be local for another.
    const local = new Map(images.flatMap(({ blobs }) => (blobs ?? []).map((b) => [b.digest, b])));
    const plan = new Map();
    const all = [];
    for (const { image } of images) {
        if (isStoredIndex(image)) {
            const bytes = image.indexBytes;
            plan.set(image.descriptor.digest, {
                descriptor: image.descriptor,
                open: () => Promise.resolve(bufferStream(bytes)),
            });
        }
        all.push(...platformImages(image));
    }
    for (const image of all) {
        plan.set(image.manifestDescriptor.digest, {
            descriptor: image.manifestDescriptor,
            open: () => Promise.resolve(bufferStream(image.manifestBytes)),
        });
        const configBytes = image.configBytes;
        plan.set(image.manifest.config.digest, {
            descriptor: image.manifest.config,
            open: () => Promise.resolve(bufferStream(configBytes)),
        });
        for (const layer of image.manifest.layers) {
            if (plan.has(layer.digest))
                continue;
            const source = local.get(layer.digest);
            if (source) {
                if (source.size !== layer.size) {
                    throw new Error(`blob ${layer.digest}: local size ${source.size} != ${layer.size}`);
                }
                plan.set(layer.digest, { descriptor: layer, open: async () => source.open() });
            }
            else if (fetchBlob) {
                plan.set(layer.digest, { descriptor: layer, open: () => fetchBlob(layer) });
            }
            else {
                throw new Error(`blob ${layer.digest} is neither local nor fetchable (no fetchBlob callback given)`);
            }
        }
    }
    return [...plan.values()];
}
function bufferStream(bytes) {
    return external_node_stream_namespaceObject.Readable.from([bytes], { objectMode: false });
}
/**
 * Hashes a blob stream while passing it through and fails at its end if size or digest differ from the
 * descriptor (a corrupt or truncated base layer must not end up in a layout or archive).
 */
async function* verifyBlob(source, descriptor) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    for await (const chunk of source) {
        size += chunk.length;
        if (size > descriptor.size)
            throw new Error(`blob ${descriptor.digest} is larger than its descriptor size ${descriptor.size}`);
        hash.update(chunk);
        yield chunk;
    }
    if (size !== descriptor.size)
        throw new Error(`blob ${descriptor.digest} has ${size} bytes, descriptor says ${descriptor.size}`);
    const got = `sha256:${hash.digest('hex')}`;
    if (got !== descriptor.digest)
        throw new Error(`blob ${descriptor.digest} has digest ${got}`);
}
async function existingSize(path) {
    try {
        const s = await (0,promises_namespaceObject.stat)(path);
        return s.isFile() ? s.size : undefined;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
async function writeAtomically(path, write) {
    const tmp = `${path}.tmp-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    try {
        await write(tmp);
        await (0,promises_namespaceObject.rename)(tmp, path);
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw err;
    }
}
async function readIndex(dir) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, 'index.json'), 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
    const index = JSON.parse(text);
    if (index.schemaVersion !== 2 || !Array.isArray(index.manifests))
        throw new Error(`${dir}/index.json is not an OCI index`);
    return index;
}
/** Writes (or updates) an OCI image layout in `dir` holding `images` under their refs. */
async function writeOciLayout(dir, images, options = {}) {
    const refs = new Set();
    for (const { refs: imageRefs, repository } of images) {
        if (repository !== undefined)
            assertRepository(repository);
        for (const ref of imageRefs) {
            assertRefName(ref);
            if (refs.has(ref))
                throw new Error(`ref ${JSON.stringify(ref)} given twice`);
            refs.add(ref);
        }
    }
    const plan = planBlobs(images, options.fetchBlob);
    const blobDir = (0,external_node_path_namespaceObject.join)(dir, 'blobs', 'sha256');
    await (0,promises_namespaceObject.mkdir)(blobDir, { recursive: true });
    const written = [];
    const skipped = [];
    for (const blob of plan) {
        const { digest, size } = blob.descriptor;
        const path = (0,external_node_path_namespaceObject.join)(blobDir, digestHex(digest));
        if ((await existingSize(path)) === size) {
            skipped.push(digest);
            continue;
        }
        await writeAtomically(path, async (tmp) => {
            const stream = await blob.open();
            await (0,external_node_stream_promises_namespaceObject.pipeline)(stream, (src) => verifyBlob(src, blob.descriptor), (0,external_node_fs_namespaceObject.createWriteStream)(tmp));
        });
        written.push(digest);
    }
    const previous = options.keepExistingRefs === false ? undefined : await readIndex(dir);
    const kept = (previous?.manifests ?? []).filter((d) => {
        const ref = d.annotations?.[Annotation.refName];
        return ref === undefined || !refs.has(ref);
    });
    const index = {
        schemaVersion: 2,
        mediaType: types_MediaType.ociIndex,
        manifests: [
            ...kept,
            ...images.flatMap(({ image, refs: imageRefs, repository }) => imageRefs.map((ref) => indexEntry(image, ref, repository))),
        ],
    };
    if ((await existingSize((0,external_node_path_namespaceObject.join)(dir, 'oci-layout'))) === undefined) {
        await writeAtomically((0,external_node_path_namespaceObject.join)(dir, 'oci-layout'), (tmp) => (0,promises_namespaceObject.writeFile)(tmp, OCI_LAYOUT_FILE));
    }
    await writeAtomically((0,external_node_path_namespaceObject.join)(dir, 'index.json'), (tmp) => (0,promises_namespaceObject.writeFile)(tmp, canonicalJson(index)));
    return { index, written, skipped };
}
/** Reads blobs of an existing layout, e.g. to pack it into an archive or to use it as a base. */
function layoutBlobFetcher(dir) {
    return (descriptor) => Promise.resolve((0,external_node_fs_namespaceObject.createReadStream)((0,external_node_path_namespaceObject.join)(dir, 'blobs', 'sha256', digestHex(descriptor.digest))));
}
function layoutEntry(index, dir, ref) {
    const matches = index.manifests.filter((d) => ref === undefined || d.annotations?.[Annotation.refName] === ref);
    if (matches.length !== 1) {
        throw new Error(`${dir}: ${matches.length === 0 ? 'no' : 'more than one'} image ${ref === undefined ? '' : `for ref ${JSON.stringify(ref)} `}in index.json`);
    }
    return matches[0];
}
function layoutBlobReader(dir) {
    return async (d) => {
        if (!isDigest(d.digest))
            throw new Error(`invalid digest in ${dir}`);
        const bytes = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, 'blobs', 'sha256', digestHex(d.digest)));
        if (bytes.length !== d.size || sha256Digest(bytes) !== d.digest)
            throw new Error(`blob ${d.digest} in ${dir} is corrupt`);
        return bytes;
    };
}
/** Reads the image or index of a layout under `ref` (or the only entry), verifying every digest read. */
async function readOciLayout(dir, ref) {
    const top = await readIndex(dir);
    if (!top)
        throw new Error(`${dir} has no index.json`);
    const desc = layoutEntry(top, dir, ref);
    if (desc.mediaType !== types_MediaType.ociIndex && desc.mediaType !== types_MediaType.dockerManifestList)
        return { kind: 'manifest', image: await readManifestAt(dir, desc) };
    const indexBytes = await layoutBlobReader(dir)(desc);
    const index = JSON.parse(indexBytes.toString('utf8'));
    if (index.schemaVersion !== 2 || !Array.isArray(index.manifests))
        throw new Error(`${dir}: ${desc.digest} is not an image index`);
    const images = [];
    for (const d of index.manifests) {
        // Attestation manifests (buildx) and other non-images carry no real platform.
        if (!d.platform || d.platform.os === 'unknown')
            continue;
        images.push(await readManifestAt(dir, d));
    }
    return { kind: 'index', descriptor: desc, indexBytes, index, images };
}
/**
 * Reads one image of a layout by ref (or the only image when `ref` is omitted), verifying manifest and config
 * digests. Accepts OCI and Docker v2 manifests; for an index, its linux/amd64 image (else the first).
 */
async function readOciLayoutImage(dir, ref) {
    const top = await readOciLayout(dir, ref);
    if (top.kind === 'manifest')
        return top.image;
    const image = top.images.find((i) => i.config.os === 'linux' && i.config.architecture === 'amd64') ?? top.images[0];
    if (!image)
        throw new Error(`${dir}: the index for ${ref ?? 'its entry'} lists no image`);
    return image;
}
async function readManifestAt(dir, desc) {
    const readBlob = layoutBlobReader(dir);
    const manifestBytes = await readBlob(desc);
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    const mediaType = manifest.mediaType ?? desc.mediaType;
    if (mediaType !== types_MediaType.ociManifest && mediaType !== types_MediaType.dockerManifest) {
        throw new Error(`${dir}: unsupported manifest media type ${JSON.stringify(mediaType)}`);
    }
    const configBytes = await readBlob(manifest.config);
    const config = JSON.parse(configBytes.toString('utf8'));
    return {
        manifest,
        manifestBytes,
        manifestDescriptor: { mediaType, digest: desc.digest, size: desc.size },
        config,
        configBytes,
        mediaType,
        layers: manifest.layers,
    };
}

;// CONCATENATED MODULE: ./src/registry/challenge.ts
// WWW-Authenticate parsing (RFC 7235 challenges) and token scopes (distribution docs/spec/auth/scope.md).
/**
 * Parses one or more challenges: `Bearer realm="…",service="…",scope="a b",error="insufficient_scope"`, `Basic
 * realm="x"`. Several headers, or several challenges in one header, are all returned in order.
 */
function parseWwwAuthenticate(header) {
    if (header === undefined)
        return [];
    if (Array.isArray(header))
        return header.flatMap((h) => parseWwwAuthenticate(h));
    const out = [];
    const s = header;
    let i = 0;
    const skipWs = () => {
        while (i < s.length && (s[i] === ' ' || s[i] === '\t'))
            i++;
    };
    const readToken = () => {
        const start = i;
        while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i] ?? ''))
            i++;
        return s.slice(start, i);
    };
    let current;
    while (i < s.length) {
        skipWs();
        if (s[i] === ',') {
            i++;
            continue;
        }
        const token = readToken();
        if (token === '') {
            i++; // Skip a stray character rather than loop forever on malformed input.
            continue;
        }
        skipWs();
        if (s[i] === '=' && current) {
            i++;
            skipWs();
            let value;
            if (s[i] === '"') {
                i++;
                value = '';
                while (i < s.length && s[i] !== '"') {
                    if (s[i] === '\\' && i + 1 < s.length)
                        i++;
                    value += s[i];
                    i++;
                }
                i++; // closing quote
            }
            else {
                const start = i;
                while (i < s.length && s[i] !== ',' && s[i] !== ' ' && s[i] !== '\t')
                    i++;
                value = s.slice(start, i);
            }
            current.params[token.toLowerCase()] = value;
        }
        else if (s[i] === '=') {
            i++; // token68 without a scheme: malformed, ignore
        }
        else {
            current = { scheme: token.toLowerCase(), params: {} };
            out.push(current);
            // token68 credentials-style value (`Basic abc==`) are not used by registries; params follow instead.
        }
    }
    return out;
}
/** `repository:foo/bar:pull,push` → { type, name, actions }; the name may itself contain `:` (e.g. a port). */
function parseScope(scope) {
    const first = scope.indexOf(':');
    const last = scope.lastIndexOf(':');
    if (first <= 0 || last <= first)
        return undefined;
    const actions = scope
        .slice(last + 1)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}
function repositoryScope(repository, actions) {
    return `repository:${repository}:${[...actions].sort().join(',')}`;
}
/** Union of scopes, merged per resource, actions and resources sorted: a stable cache key and request order. */
function mergeScopes(scopes) {
    const byResource = new Map();
    const unparsed = new Set();
    for (const raw of scopes) {
        for (const s of raw.split(' ').filter(Boolean)) {
            const p = parseScope(s);
            if (!p) {
                unparsed.add(s);
                continue;
            }
            const key = `${p.type}:${p.name}`;
            const set = byResource.get(key) ?? new Set();
            for (const a of p.actions)
                set.add(a);
            byResource.set(key, set);
        }
    }
    const merged = [...byResource].map(([k, a]) => `${k}:${[...a].sort().join(',')}`);
    return [...merged, ...unparsed].sort();
}
/** True when `have` grants every action of every scope in `need`. */
function scopesCover(have, need) {
    const granted = new Map();
    for (const s of have) {
        const p = parseScope(s);
        if (p)
            granted.set(`${p.type}:${p.name}`, new Set(p.actions));
    }
    return need.every((s) => {
        const p = parseScope(s);
        if (!p)
            return have.includes(s);
        const g = granted.get(`${p.type}:${p.name}`);
        return g !== undefined && (g.has('*') || p.actions.every((a) => g.has(a)));
    });
}

;// CONCATENATED MODULE: ./src/registry/reference.ts
// Image references `host[:port]/path/name[:tag][@digest]`, with the distribution-spec grammar for names and tags
// and Docker Hub's defaults (docker.io, library/).

const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const reference_pathComponent = '[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*';
const repositoryRe = new RegExp(`^${reference_pathComponent}(?:/${reference_pathComponent})*$`);
const tagRe = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const hostRe = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?$`);
const MAX_NAME = 255;
function isValidRepository(name) {
    return name.length <= MAX_NAME && repositoryRe.test(name);
}
function isValidTag(tag) {
    return tagRe.test(tag);
}
function isValidRegistryHost(host) {
    return hostRe.test(host);
}
/** Docker Hub aliases map to its API host; everything else is used as written (lower-cased). */
function registryApiHost(host) {
    const h = host.toLowerCase();
    return h === DOCKER_HUB || h === 'index.docker.io' ? DOCKER_HUB_API : h;
}
/**
 * An image reference with credentials in it (`user:password@host/repo`, `https://user@host/repo`). Its message
 * shows the reference with the userinfo replaced, so the password is never echoed (nor kept on the error).
 */
class CredentialsInReferenceError extends TypeError {
    redacted;
    name = 'CredentialsInReferenceError';
    constructor(redacted) {
        super(`image reference ${JSON.stringify(redacted)} contains credentials (user:password@); remove them and pass them separately (username/password, --username/--password-stdin, or docker login)`);
        this.redacted = redacted;
    }
}
// A digest at the end, valid or not (`@sha256:abc` is a bad digest, not userinfo); only known algorithms, so that
// `user:pass@host:5000` is not mistaken for one.
const trailingDigest = /@(?:sha256|sha384|sha512|blake3):[A-Za-z0-9=_-]*$/;
/**
 * The userinfo of `ref` and the reference with it replaced (`***@host/repo`), or undefined when there is none. The
 * only `@` a reference may hold starts its trailing digest; any other one ends userinfo (which may itself contain
 * `/`, `:` or `@`), so everything before the last such `@` is userinfo. A scheme such as `https://` is kept.
 */
function splitUserinfo(ref) {
    const input = ref.trim();
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(input)?.[0] ?? '';
    const rest = input.slice(scheme.length);
    const digest = trailingDigest.exec(rest)?.[0] ?? '';
    const named = rest.slice(0, rest.length - digest.length);
    const at = named.lastIndexOf('@');
    if (at === -1)
        return undefined;
    return { userinfo: named.slice(0, at), redacted: `${scheme}***@${named.slice(at + 1)}${digest}` };
}
/** `***@host/repo` when `ref` carries userinfo, else undefined. */
function redactedUserinfo(ref) {
    return splitUserinfo(ref)?.redacted;
}
/** Throws {@link CredentialsInReferenceError} when `ref` carries userinfo. */
function assertNoCredentials(ref) {
    const redacted = redactedUserinfo(ref);
    if (redacted !== undefined)
        throw new CredentialsInReferenceError(redacted);
}
/** Parses `host[:port]/path/name[:tag][@digest]`; throws a TypeError naming the problem. */
function parseImageReference(ref) {
    // First: every other message below quotes the input, which must never show a password.
    assertNoCredentials(ref);
    const input = ref.trim();
    if (input === '')
        throw new TypeError('image reference is empty');
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        const d = rest.slice(at + 1);
        if (!isDigest(d))
            throw new TypeError(`invalid digest in image reference "${input}" (want sha256:<64 hex>)`);
        digest = d;
        rest = rest.slice(0, at);
    }
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!isValidTag(tag))
            throw new TypeError(`invalid tag "${tag}" in image reference "${input}"`);
    }
    let registry = DOCKER_HUB;
    let repository = rest;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
        const first = rest.slice(0, slash);
        // Same rule as distribution/reference: the first component is a host if it looks like one.
        if (first.includes('.') ||
            first.includes(':') ||
            first === 'localhost' ||
            first !== first.toLowerCase()) {
            registry = first;
            repository = rest.slice(slash + 1);
        }
    }
    if (!isValidRegistryHost(registry))
        throw new TypeError(`invalid registry host "${registry}" in "${input}"`);
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    if (!isValidRepository(repository)) {
        throw new TypeError(`invalid repository name "${repository}" in "${input}" (lowercase letters, digits, separators . _ __ -, components joined by /)`);
    }
    const out = { registry, apiHost: registryApiHost(registry), repository };
    if (tag !== undefined)
        out.tag = tag;
    if (digest !== undefined)
        out.digest = digest;
    return out;
}
/** The manifest reference to ask the registry for: digest if pinned, else tag, else `latest`. */
function manifestReference(r) {
    return r.digest ?? r.tag ?? 'latest';
}
function formatImageReference(r) {
    return `${r.registry}/${r.repository}${r.tag ? `:${r.tag}` : ''}${r.digest ? `@${r.digest}` : ''}`;
}
/**
 * Turns arbitrary text (a branch name like `feature/x`) into a valid tag: invalid characters become `-`, a leading
 * `.` or `-` becomes `_`, and the result is cut to 128 characters.
 */
function sanitizeTag(s) {
    if (s === '')
        throw new TypeError('cannot make a tag from an empty string');
    let t = s.replace(/[^a-zA-Z0-9._-]/g, '-');
    if (!/^[a-zA-Z0-9_]/.test(t))
        t = `_${t.slice(1)}`;
    return t.slice(0, 128);
}
function reference_assertRepository(name) {
    if (!isValidRepository(name))
        throw new TypeError(`invalid repository name "${name}"`);
}
/** A manifest reference is a tag or a digest. */
function assertManifestReference(ref) {
    if (!isValidTag(ref) && !isDigest(ref))
        throw new TypeError(`invalid manifest reference "${ref}"`);
}
function assertDigest(d) {
    if (!isDigest(d))
        throw new TypeError(`invalid digest "${d}" (want sha256:<64 hex>)`);
}
function isLoopbackHost(host) {
    const h = host.replace(/:[0-9]+$/, '').toLowerCase();
    return h === 'localhost' || h === '[::1]' || /^127(?:\.[0-9]{1,3}){3}$/.test(h);
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts
// Registry credentials: explicit options, or the Docker config file that `docker login` / docker/login-action
// writes. Credential helpers (credsStore/credHelpers) are not supported: they would mean running other programs.




/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function defaultDockerConfigPath(env = process.env) {
    const dir = env.DOCKER_CONFIG || external_node_path_default().join(env.HOME || external_node_os_default().homedir(), '.docker');
    return external_node_path_default().join(dir, 'config.json');
}
/** Parses config.json text; `source` only names the file in errors (the content is never echoed). */
function parseDockerConfig(text, source) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new Error(`Docker config ${source} is not valid JSON`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new Error(`Docker config ${source} is not a JSON object`);
    }
    const obj = data;
    const out = {};
    if (typeof obj.credsStore === 'string')
        out.credsStore = obj.credsStore;
    if (isRecord(obj.credHelpers)) {
        out.credHelpers = Object.fromEntries(Object.entries(obj.credHelpers).filter((e) => typeof e[1] === 'string'));
    }
    if (obj.auths !== undefined) {
        if (!isRecord(obj.auths))
            throw new Error(`Docker config ${source}: "auths" is not an object`);
        out.auths = {};
        for (const [key, value] of Object.entries(obj.auths)) {
            if (!isRecord(value))
                continue;
            const entry = {};
            for (const f of ['auth', 'username', 'password', 'identitytoken']) {
                const v = value[f];
                if (typeof v === 'string' && v !== '')
                    entry[f] = v;
            }
            out.auths[key] = entry;
        }
    }
    return out;
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** `https://index.docker.io/v1/` → `index.docker.io`; `Registry.Example:443/` → `registry.example:443`. */
function normalizeAuthKey(key) {
    let k = key.trim().toLowerCase();
    k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    const slash = k.indexOf('/');
    return slash >= 0 ? k.slice(0, slash) : k;
}
function hostAliases(apiHost) {
    const h = apiHost.toLowerCase();
    if (h === DOCKER_HUB_API || h === 'docker.io' || h === 'index.docker.io') {
        return ['index.docker.io', 'docker.io', DOCKER_HUB_API];
    }
    return [h];
}
/**
 * Credentials for `apiHost` from a parsed config, or undefined when it has none for that host. Throws when the
 * host's credentials live in a credential helper, which we cannot query.
 */
function credentialsFromDockerConfig(config, apiHost, source) {
    const aliases = hostAliases(apiHost);
    const helper = Object.entries(config.credHelpers ?? {}).find(([k]) => aliases.includes(normalizeAuthKey(k)));
    const entry = Object.entries(config.auths ?? {}).find(([k]) => aliases.includes(normalizeAuthKey(k)))?.[1];
    const fromEntry = entry ? entryCredentials(entry, apiHost, source) : undefined;
    if (fromEntry)
        return fromEntry;
    if (helper || (entry && config.credsStore)) {
        throw new Error(`Docker config ${source} keeps the credentials for ${apiHost} in credential helper "${helper?.[1] ?? config.credsStore}", ` +
            'which is not supported: log in without a credential helper (docker/login-action does) or pass username/password explicitly');
    }
    return undefined;
}
function entryCredentials(e, host, source) {
    let username = e.username;
    let password = e.password;
    if (e.auth) {
        const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0)
            throw new Error(`Docker config ${source}: the "auth" value for ${host} is not base64 of user:password`);
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
    }
    if (e.identitytoken)
        return username ? { identityToken: e.identitytoken, username } : { identityToken: e.identitytoken };
    if (username !== undefined && password)
        return { username, password };
    return undefined;
}
/** Reads the Docker config file if it exists; a missing file means "no credentials". */
async function loadDockerConfig(file) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw new Error(`cannot read Docker config ${file}: ${e.code ?? 'error'}`, {
            cause: e,
        });
    }
    return parseDockerConfig(text, file);
}
/** Explicit credentials win; otherwise the Docker config file (explicit path, $DOCKER_CONFIG, ~/.docker). */
async function resolveCredentials(apiHost, o = {}) {
    if (o.credentials)
        return o.credentials;
    const file = o.dockerConfigPath ?? defaultDockerConfigPath(o.env);
    const config = await loadDockerConfig(file);
    return config ? credentialsFromDockerConfig(config, apiHost, file) : undefined;
}
function describeCredentials(c) {
    if (!c)
        return 'anonymous';
    if ('password' in c)
        return `user "${c.username}"`;
    return c.username ? `identity token of "${c.username}"` : 'an identity token';
}

;// CONCATENATED MODULE: ./src/registry/errors.ts
// Errors raised by the registry client. Messages are single lines that name host, repository, operation and the
// registry's error code; they never carry credentials, tokens or signed URL queries (see redact()).
class RegistryError extends Error {
    name = 'RegistryError';
    host;
    repository;
    operation;
    status;
    code;
    detail;
    retryable;
    retryAfterMs;
    /** Attempts made before giving up (1 when the error was not retried). */
    attempts = 1;
    constructor(init) {
        super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
        this.host = init.host;
        this.repository = init.repository;
        this.operation = init.operation;
        this.status = init.status;
        this.code = init.code;
        this.detail = init.detail;
        this.retryable = init.retryable ?? false;
        this.retryAfterMs = init.retryAfterMs;
    }
    /** A copy that retry loops above this one must not retry again (its own retries are spent). */
    final() {
        return this.copy({ retryable: false, retryAfterMs: undefined });
    }
    /** A copy with a different detail (used to append "gave up after N attempts" and auth hints). */
    withDetail(detail, attempts = this.attempts) {
        return this.copy({ detail }, attempts);
    }
    copy(changes, attempts = this.attempts) {
        const e = new RegistryError({
            host: this.host,
            repository: this.repository,
            operation: this.operation,
            status: this.status,
            code: this.code,
            detail: this.detail,
            retryable: this.retryable,
            retryAfterMs: this.retryAfterMs,
            cause: this.cause,
            ...changes,
        });
        e.attempts = attempts;
        return e;
    }
}
function formatMessage(i) {
    const where = i.repository ? `registry ${i.host} repository ${i.repository}` : `registry ${i.host}`;
    const status = i.status === undefined ? '' : `${i.status} `;
    return oneLine(`${where}: ${i.operation} failed: ${status}${i.code}: ${i.detail}`, 1000);
}
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
/** Strips control and bidi characters (registry text is untrusted) and caps the length. */
function oneLine(text, max = 300) {
    const flat = text.replace(UNSAFE_CHARS, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
const REDACTED = '[REDACTED]';
/** Shorter secrets are not scrubbed from messages (they would garble them); the actions still mask them. */
const MIN_SECRET_LENGTH = 4;
/**
 * Every spelling in which a secret can reach a message or a log: as sent (raw), in a URL (`encodeURIComponent`),
 * in a form body (`URLSearchParams`, spaces as `+`), inside a JSON string, and, with the user name, the base64 of
 * `user:secret` that a Basic header and a Docker config `auth` carry. The actions mask each one (the runner masks
 * whole values only); the client scrubs each one from its messages.
 */
function secretForms(value, username) {
    const forms = [
        value,
        encodeURIComponent(value),
        new URLSearchParams({ s: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
    if (username !== undefined)
        forms.push(Buffer.from(`${username}:${value}`).toString('base64'));
    return [...new Set(forms)];
}
/** Secrets known to one client (passwords, identity tokens, bearer tokens); scrubbed from every message. */
class SecretSet {
    onAdd;
    values = new Set();
    /** `onAdd` learns every new secret (the actions mask them in the runner's log). */
    constructor(onAdd) {
        this.onAdd = onAdd;
    }
    /** A secret and its derived forms ({@link secretForms}); `username` adds the Basic credential of the pair. */
    add(value, username) {
        // Very short values would garble messages more than they protect; real secrets are longer.
        if (!value || value.length < MIN_SECRET_LENGTH)
            return;
        for (const form of secretForms(value, username)) {
            if (this.values.has(form))
                continue;
            this.values.add(form);
            this.onAdd?.(form);
        }
    }
    /** Every known secret and the generic patterns of {@link redact} replaced; longest first, so no part is left. */
    redact(text) {
        let out = redact(text);
        for (const v of [...this.values].sort((a, b) => b.length - a.length))
            out = out.split(v).join(REDACTED);
        return out;
    }
    /**
     * Untrusted text made fit for a message: redacted first, then on one line and cut to `max`. In this order only:
     * cut first, a secret straddling the cut would keep its first characters, which no redaction recognises.
     */
    clean(text, max = 300) {
        return oneLine(this.redact(text), max);
    }
}
// A URL in free text: a scheme, `//`, then everything up to whitespace or a quote/bracket that ends it.
const URL_IN_TEXT = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s"'<>`]+/g;
/**
 * A URL fit for labels, annotations, summaries and messages: no userinfo, no query, no fragment (a token in
 * `?access_token=` or `user:token@` is a credential whatever the host). Text that is not a URL comes back with
 * anything from `?` or `#` on removed, and userinfo removed.
 */
function publicUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (parsed && parsed.host !== '')
        return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    return url.replace(/[?#].*$/s, '').replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@]*@/, '$1');
}
// Query (or free-text `name=value`) parameters that carry credentials or signatures.
const CREDENTIAL_PARAMS = [
    'token',
    'access_token',
    'refresh_token',
    'id_token',
    'password',
    'passwd',
    'secret',
    'client_secret',
    'api_key',
    'apikey',
    'signature',
    'sig',
    'x-amz-signature',
    'x-amz-credential',
    'x-amz-security-token',
    'x-goog-signature',
    'x-goog-credential',
];
const CREDENTIAL_PARAM = new RegExp(`([?&;\\s]|^)((?:${CREDENTIAL_PARAMS.join('|')})=)[^&\\s"]+`, 'gi');
/** Generic scrubbing: auth headers, every URL's userinfo, query and fragment, and credential-like parameters. */
function redact(text) {
    return text
        .replace(URL_IN_TEXT, (found) => {
        // Punctuation that ends a sentence or a parenthesis is the text's, not the URL's.
        const tail = /[).,;:!?]*$/.exec(found)[0];
        return publicUrl(found.slice(0, found.length - tail.length)) + tail;
    })
        .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`)
        .replace(/\/\/[^/\s@]+@/g, `//${REDACTED}@`)
        .replace(CREDENTIAL_PARAM, `$1$2${REDACTED}`);
}
/** Whether a URL in `text` has userinfo or a query parameter that names a credential (a token, a signature). */
function carriesCredentials(text) {
    for (const [found] of text.matchAll(URL_IN_TEXT)) {
        let url;
        try {
            url = new URL(found);
        }
        catch {
            continue;
        }
        if (url.username || url.password)
            return true;
        for (const name of url.searchParams.keys())
            if (CREDENTIAL_PARAMS.includes(name.toLowerCase()))
                return true;
    }
    return false;
}
/** A URL fit for messages and events: origin and path only (upload/redirect queries may hold signed state). */
function displayUrl(url) {
    return `${url.origin}${url.pathname}`;
}
/** Best-effort short text for a network error (`ECONNRESET socket hang up`). */
function describeNetworkError(err) {
    if (err instanceof Error) {
        const code = err.code;
        return code && !err.message.includes(code) ? `${code} ${err.message}` : err.message;
    }
    return String(err);
}
/** Our code for a status without a registry error body. */
function codeForStatus(status) {
    const codes = {
        400: 'BAD_REQUEST',
        401: 'UNAUTHORIZED',
        403: 'DENIED',
        404: 'NOT_FOUND',
        405: 'UNSUPPORTED',
        413: 'TOO_LARGE',
        416: 'RANGE_INVALID',
        429: 'TOOMANYREQUESTS',
    };
    return codes[status] ?? (status >= 500 ? 'UNAVAILABLE' : `HTTP_${status}`);
}
/**
 * The spec's `{"errors":[{code,message,detail}]}`, tolerant of anything else. Each text goes through `clean` whole
 * (a client passes its {@link SecretSet.clean}, which redacts before it cuts).
 */
function parseRegistryErrors(body, clean = oneLine) {
    let json;
    try {
        json = JSON.parse(body.toString('utf8'));
    }
    catch {
        return [];
    }
    if (!json || !Array.isArray(json.errors))
        return [];
    return json.errors
        .filter((e) => typeof e === 'object' && e !== null)
        .map((e) => {
        const out = {};
        if (typeof e.code === 'string')
            out.code = clean(e.code, 60);
        if (typeof e.message === 'string')
            out.message = clean(e.message, 300);
        if (typeof e.detail === 'string')
            out.detail = clean(e.detail, 200);
        else if (e.detail !== undefined && e.detail !== null)
            out.detail = clean(JSON.stringify(e.detail), 200);
        return out;
    });
}
/**
 * A response body as text for a message: JSON re-serialized (so a secret inside a string has the one escaped
 * spelling {@link secretForms} knows, whatever escaping the server used), anything else as UTF-8.
 */
function bodyText(body) {
    const text = body.toString('utf8');
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: ./src/registry/transport.ts
// HTTP plumbing for the registry client: one attempt per send() over node:http/https with an idle timeout, and a
// retry loop with exponential backoff + jitter that honours Retry-After.




const defaultRetryPolicy = {
    attempts: 5,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 60_000,
};
const defaultProgressDeadline = { bytes: 64 * 1024, intervalMs: 30_000 };
const IDLE_TIMEOUT = 'ERR_REGISTRY_IDLE_TIMEOUT';
const TOO_SLOW = 'ERR_REGISTRY_TOO_SLOW';
const RETRYABLE_NET_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'ENETDOWN',
    'ERR_STREAM_PREMATURE_CLOSE',
    'UND_ERR_SOCKET',
    IDLE_TIMEOUT,
    TOO_SLOW,
]);
function isRetryableStatus(status) {
    return (status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504);
}
function isRetryableNetworkError(err) {
    const code = err?.code;
    return code !== undefined && RETRYABLE_NET_CODES.has(code);
}
function isIdleTimeout(err) {
    return err?.code === IDLE_TIMEOUT;
}
function isTooSlow(err) {
    return err?.code === TOO_SLOW;
}
/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or invalid. */
function parseRetryAfter(value, now = Date.now()) {
    const v = (Array.isArray(value) ? value[0] : value)?.trim();
    if (!v)
        return undefined;
    if (/^[0-9]+$/.test(v))
        return Number(v) * 1000;
    // Only the HTTP-date shapes, so that e.g. "5.5" or "soon" are rejected rather than guessed at.
    if (!/^[A-Za-z]{3},? /.test(v) && !/GMT$/.test(v))
        return undefined;
    const at = Date.parse(v);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** Delay before retry number `retry` (1-based): exponential, capped, "equal jitter" (half fixed, half random). */
function backoffDelay(retry, policy, random = Math.random) {
    const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
    return Math.round(exp / 2 + (random() * exp) / 2);
}
class Transport {
    options;
    httpAgent = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 16 });
    httpsAgent = new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: 16 });
    constructor(options) {
        this.options = options;
    }
    /** Frees pooled sockets. */
    close() {
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
    }
    /** One HTTP exchange; resolves when response headers arrive. Network errors and idle timeouts reject. */
    send(req) {
        const started = Date.now();
        const emit = this.options.onEvent;
        const timeoutMs = this.options.timeoutMs;
        return new Promise((resolve, reject) => {
            const isHttps = req.url.protocol === 'https:';
            const headers = { 'User-Agent': this.options.userAgent, ...req.headers };
            if (Buffer.isBuffer(req.body))
                headers['Content-Length'] = String(req.body.length);
            else if (req.body === undefined && methodHasBody(req.method))
                headers['Content-Length'] = '0';
            const creq = (isHttps ? (external_node_https_default()) : (external_node_http_default())).request(req.url, {
                method: req.method,
                headers,
                agent: isHttps ? this.httpsAgent : this.httpAgent,
                timeout: timeoutMs,
            });
            let settled = false;
            let bodyDone = false;
            let resolveDone = () => undefined;
            const requestDone = new Promise((r) => (resolveDone = r));
            const finishBody = (e) => {
                if (bodyDone)
                    return;
                bodyDone = true;
                resolveDone(e);
            };
            const fail = (err) => {
                finishBody(err);
                if (settled)
                    return;
                settled = true;
                emit?.({
                    type: 'request',
                    method: req.method,
                    url: displayUrl(req.url),
                    durationMs: Date.now() - started,
                    error: describeNetworkError(err),
                });
                reject(err);
            };
            let response;
            const abort = (e) => {
                // Mid-body the reader sees the response's error: make it ours rather than a generic "aborted".
                response?.destroy(e);
                creq.destroy(e);
            };
            creq.on('timeout', () => abort(Object.assign(new Error(`no activity for ${timeoutMs} ms`), { code: IDLE_TIMEOUT })));
            const stopWatch = this.watchProgress(creq, () => response, () => bodyDone, abort);
            creq.on('close', stopWatch);
            creq.on('error', fail);
            creq.on('response', (res) => {
                response = res;
                if (settled) {
                    res.resume();
                    return;
                }
                settled = true;
                emit?.({
                    type: 'request',
                    method: req.method,
                    url: displayUrl(req.url),
                    status: res.statusCode ?? 0,
                    durationMs: Date.now() - started,
                });
                // A response that arrives before the body was sent (an early 401/413): stop sending once it is read.
                res.on('end', () => {
                    if (!bodyDone)
                        creq.destroy();
                });
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url: req.url, requestDone });
            });
            if (typeof req.body === 'function') {
                let source;
                try {
                    source = req.body();
                }
                catch (e) {
                    creq.destroy();
                    fail(e instanceof Error ? e : new Error(String(e)));
                    return;
                }
                (0,external_node_stream_namespaceObject.pipeline)(source, creq, (err) => {
                    finishBody(err ?? undefined);
                    if (err)
                        fail(err);
                });
            }
            else {
                creq.end(req.body, () => finishBody());
            }
        });
    }
    /**
     * The progress deadline of one exchange: every interval, the bytes that moved on its socket since the last
     * check, counted only while the registry is the one being waited on — our bytes queued and not taken, response
     * headers arriving, or a response body awaited with nothing of it left unread. A slow source of ours (a layer
     * still being built) or a slow reader of the response (an upload elsewhere) is not the registry's slowness.
     * Waiting for the response with nothing arriving is the idle timeout's to judge (the registry may be working).
     */
    watchProgress(creq, response, bodySent, abort) {
        const deadline = this.options.progress;
        if (!deadline)
            return () => undefined;
        let socket;
        let read = 0;
        let written = 0;
        const moved = () => ({
            read: socket?.bytesRead ?? 0,
            // What the kernel took: bytes handed to the socket minus those still queued in it.
            written: socket ? socket.bytesWritten - socket.writableLength : 0,
        });
        creq.on('socket', (s) => {
            socket = s;
            ({ read, written } = moved());
        });
        const timer = setInterval(() => {
            if (!socket || socket.connecting)
                return;
            const now = moved();
            const got = now.read - read;
            const sent = now.written - written;
            ({ read, written } = now);
            const res = response();
            const waitingOnRegistry = res
                ? !res.complete && res.readableLength === 0
                : bodySent()
                    ? got > 0
                    : socket.writableLength > 0 || creq.writableLength > 0;
            if (!waitingOnRegistry || got + sent >= deadline.bytes)
                return;
            abort(Object.assign(new Error(`the registry moved ${got + sent} bytes in ${formatSeconds(deadline.intervalMs)}, under the progress deadline of ${deadline.bytes} bytes per ${formatSeconds(deadline.intervalMs)}`), { code: TOO_SLOW }));
        }, deadline.intervalMs);
        timer.unref();
        return () => clearInterval(timer);
    }
    /**
     * Runs `fn` until it succeeds, fails with a non-retryable error, or attempts run out. `fn` receives the attempt
     * number (1-based). Errors must already be RegistryErrors (`networkError` turns a socket error into one).
     */
    async retry(operation, fn, attempts) {
        const policy = this.options.retry;
        const max = Math.max(1, attempts ?? policy.attempts);
        const sleep = this.options.sleep ?? defaultSleep;
        for (let attempt = 1;; attempt++) {
            try {
                return await fn(attempt);
            }
            catch (e) {
                if (!(e instanceof RegistryError) || !e.retryable)
                    throw e;
                if (attempt >= max) {
                    throw max > 1 ? e.withDetail(`${e.detail} (gave up after ${attempt} attempts)`, attempt) : e;
                }
                let delayMs = backoffDelay(attempt, policy);
                if (e.retryAfterMs !== undefined) {
                    if (e.retryAfterMs > policy.maxRetryAfterMs) {
                        throw e.withDetail(`${e.detail} (registry asked to retry after ${Math.ceil(e.retryAfterMs / 1000)} s, over the ${Math.ceil(policy.maxRetryAfterMs / 1000)} s limit)`, attempt);
                    }
                    delayMs = e.retryAfterMs;
                }
                this.options.onEvent?.({
                    type: 'retry',
                    operation,
                    attempt,
                    delayMs,
                    reason: `${e.code}: ${e.detail}`,
                });
                await sleep(delayMs);
            }
        }
    }
}
function formatSeconds(ms) {
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
function methodHasBody(method) {
    return method === 'POST' || method === 'PUT' || method === 'PATCH';
}
function defaultSleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
/** A RegistryError for a failed exchange (connection reset, idle timeout…); retryable when retrying may help. */
function networkError(err, ctx) {
    if (err instanceof RegistryError)
        return err;
    const timeout = isIdleTimeout(err);
    const slow = isTooSlow(err);
    return new RegistryError({
        host: ctx.host,
        ...(ctx.repository ? { repository: ctx.repository } : {}),
        operation: ctx.operation,
        code: timeout ? 'TIMEOUT' : slow ? 'TOO_SLOW' : 'NETWORK',
        detail: timeout || slow ? `stalled: ${err.message}` : describeNetworkError(err),
        retryable: isRetryableNetworkError(err),
        cause: err,
    });
}
/** Reads a response body into memory, failing when it exceeds `limit` bytes. */
async function readBody(res, limit) {
    const chunks = [];
    let size = 0;
    for await (const chunk of res) {
        size += chunk.length;
        if (size > limit) {
            res.destroy();
            throw Object.assign(new Error(`response body larger than ${limit} bytes`), {
                code: 'ERR_BODY_TOO_LARGE',
            });
        }
        chunks.push(chunk);
    }
    if (!res.complete) {
        throw Object.assign(new Error('response body ended early'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
    }
    return Buffer.concat(chunks);
}
/** Discards a response body so the socket can be reused; errors are irrelevant here. */
async function drain(res) {
    try {
        await readBody(res, 1 << 20);
    }
    catch {
        res.destroy();
    }
}

;// CONCATENATED MODULE: ./src/registry/auth.ts
// Registry authentication state for one host: lazily learnt from the first 401 challenge. Bearer: tokens from the
// realm (several scopes per request, cached per scope set until expiry); Basic: credentials on every request.





const DEFAULT_TOKEN_TTL_S = 60;
/** Tokens are dropped this long before they expire so a request never starts with a token about to lapse. */
const EXPIRY_MARGIN_MS = 10_000;
class Authenticator {
    mode = 'unknown';
    bearer;
    tokens = [];
    inflight = new Map();
    o;
    constructor(o) {
        this.o = o;
    }
    /** The Authorization header to send for a request needing `scopes`, or undefined while no challenge was seen. */
    async authorization(scopes, repository) {
        if (this.mode === 'basic')
            return this.basicHeader(repository);
        if (this.mode === 'bearer')
            return (await this.token(mergeScopes(scopes), false, repository)).header;
        return undefined;
    }
    /**
     * Handles a 401. Returns true when the request should be sent again (new token, or Basic now known), false when
     * retrying cannot help (credentials were already sent and rejected).
     */
    async onUnauthorized(wwwAuthenticate, scopes, sentAuthorization, repository) {
        const challenges = parseWwwAuthenticate(wwwAuthenticate);
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
        if (bearer?.params.realm) {
            const realm = this.checkRealm(bearer.params.realm, repository);
            this.mode = 'bearer';
            this.bearer = bearer.params.service ? { realm, service: bearer.params.service } : { realm };
            const need = mergeScopes([...scopes, ...(bearer.params.scope ? [bearer.params.scope] : [])]);
            if (sentAuthorization) {
                // The token we sent was rejected (expired, or insufficient_scope): forget every token it could have been.
                this.tokens = this.tokens.filter((t) => !scopesCover(t.scopes, mergeScopes(scopes)));
            }
            await this.token(need, true, repository);
            return true;
        }
        if (challenges.some((c) => c.scheme === 'basic')) {
            if (this.mode === 'basic' && sentAuthorization)
                return false;
            this.mode = 'basic';
            await this.basicHeader(repository); // throws a clear error when there is nothing to send
            return true;
        }
        return false;
    }
    /** Text for a final 401/403: who we were, so the user knows what to fix. */
    async describeIdentity() {
        let creds;
        try {
            creds = await this.o.getCredentials();
        }
        catch {
            creds = undefined;
        }
        return creds
            ? `sent credentials of ${describeCredentials(creds)} were rejected or lack access`
            : this.noCredentials();
    }
    noCredentials() {
        return `no credentials were found for ${this.o.host} in ${this.o.credentialSources} (credential helpers are not supported)`;
    }
    checkRealm(realm, repository) {
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw this.error(repository, 'CHALLENGE_INVALID', `invalid Bearer realm "${this.o.secrets.clean(realm, 200)}"`);
        }
        const httpOk = url.protocol === 'http:' && (this.o.allowHttpRealm || isLoopbackHost(url.host));
        if (url.protocol !== 'https:' && !httpOk) {
            throw this.error(repository, 'CHALLENGE_INVALID', `refusing to send credentials to non-HTTPS token realm ${url.origin} of a secure registry`);
        }
        return url;
    }
    async basicHeader(repository) {
        const creds = await this.credentials(repository);
        if (!creds || !('password' in creds)) {
            throw this.error(repository, 'UNAUTHORIZED', creds
                ? 'registry wants Basic auth, but only an identity token is configured'
                : `registry requires authentication; ${this.noCredentials()}`, 401);
        }
        return `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    }
    async credentials(repository) {
        let creds;
        try {
            creds = await this.o.getCredentials();
        }
        catch (e) {
            throw this.error(repository, 'CREDENTIALS', e instanceof Error ? e.message : String(e));
        }
        if (creds) {
            // With the user name: the Basic credential (to the registry or the token server) is a form of it.
            if ('password' in creds)
                this.o.secrets.add(creds.password, creds.username);
            else
                this.o.secrets.add(creds.identityToken);
        }
        return creds;
    }
    async token(scopes, force, repository) {
        const now = Date.now();
        this.tokens = this.tokens.filter((t) => t.expiresAt > now);
        if (!force) {
            const hit = this.tokens.find((t) => scopesCover(t.scopes, scopes));
            if (hit)
                return hit;
        }
        const key = scopes.join(' ');
        const pending = this.inflight.get(key);
        if (pending)
            return pending;
        const p = this.fetchToken(scopes, repository).finally(() => this.inflight.delete(key));
        this.inflight.set(key, p);
        return p;
    }
    async fetchToken(scopes, repository) {
        const bearer = this.bearer;
        if (!bearer)
            throw new Error('internal: token requested before a Bearer challenge');
        const creds = await this.credentials(repository);
        const url = new URL(bearer.realm.href);
        const headers = { Accept: 'application/json' };
        let method = 'GET';
        let body;
        if (creds && 'identityToken' in creds) {
            // OAuth2 refresh-token grant (distribution docs/spec/auth/oauth.md): the only way to use identity tokens.
            method = 'POST';
            const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: creds.identityToken });
            if (bearer.service)
                form.set('service', bearer.service);
            form.set('client_id', this.o.clientId);
            if (scopes.length)
                form.set('scope', scopes.join(' '));
            body = Buffer.from(form.toString());
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        else {
            if (bearer.service)
                url.searchParams.set('service', bearer.service);
            for (const s of scopes)
                url.searchParams.append('scope', s);
            if (creds)
                headers.Authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
        }
        const operation = `token request to ${url.origin}${url.pathname}`;
        // The token request has its own retries; once they are spent, the request that needed the token must not
        // start them all over again (nested loops multiplied the attempts).
        const token = await this.retryToken(operation, async () => {
            const ctx = { host: this.o.host, repository, operation };
            let res;
            let bytes;
            try {
                res = await this.o.transport.send(body ? { method, url, headers, body } : { method, url, headers });
                bytes = await readBody(res.body, 1 << 20);
            }
            catch (e) {
                throw networkError(e, ctx);
            }
            if (res.status !== 200) {
                const retryable = isRetryableStatus(res.status);
                const who = creds ? describeCredentials(creds) : 'anonymous';
                const detail = res.status === 401 || res.status === 403
                    ? `${operation} rejected ${who}: ${this.o.secrets.clean(bodyText(bytes), 200) || 'no detail'}`
                    : `${operation} answered ${res.status}`;
                const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
                throw new RegistryError({
                    host: this.o.host,
                    ...(repository ? { repository } : {}),
                    operation: 'authenticate',
                    status: res.status,
                    code: res.status === 401 || res.status === 403 ? 'UNAUTHORIZED' : 'TOKEN_SERVER_ERROR',
                    detail,
                    retryable,
                    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
                });
            }
            return this.parseTokenResponse(bytes, operation, repository);
        });
        this.o.secrets.add(token.token);
        const cached = {
            scopes,
            header: `Bearer ${token.token}`,
            expiresAt: Date.now() + Math.max(token.expiresIn * 1000 - EXPIRY_MARGIN_MS, 1000),
        };
        this.tokens.push(cached);
        this.o.onEvent?.({ type: 'token', scopes, realm: `${url.origin}${url.pathname}` });
        return cached;
    }
    async retryToken(operation, attempt) {
        try {
            return await this.o.transport.retry(operation, attempt);
        }
        catch (e) {
            throw e instanceof RegistryError ? e.final() : e;
        }
    }
    parseTokenResponse(bytes, operation, repository) {
        let json;
        try {
            json = JSON.parse(bytes.toString('utf8'));
        }
        catch {
            throw this.error(repository, 'TOKEN_SERVER_ERROR', `${operation} answered something that is not JSON`);
        }
        const o = (json ?? {});
        const token = typeof o.token === 'string' && o.token ? o.token : o.access_token;
        if (typeof token !== 'string' || !token) {
            throw this.error(repository, 'TOKEN_SERVER_ERROR', `${operation} answered without "token" or "access_token"`);
        }
        // expires_in defaults to 60 s and should never be lower (token.md), so shorter values are treated as 60.
        const expiresIn = typeof o.expires_in === 'number' && o.expires_in > DEFAULT_TOKEN_TTL_S
            ? o.expires_in
            : DEFAULT_TOKEN_TTL_S;
        return { token, expiresIn };
    }
    error(repository, code, detail, status) {
        return new RegistryError({
            host: this.o.host,
            ...(repository ? { repository } : {}),
            operation: 'authenticate',
            code,
            detail: this.o.secrets.clean(detail, 600),
            ...(status !== undefined ? { status } : {}),
        });
    }
}

;// CONCATENATED MODULE: ./src/registry/manifest.ts
// Manifest, index and config documents: media types, validation, platform selection. Pure functions.

const INDEX_TYPES = new Set([types_MediaType.ociIndex, types_MediaType.dockerManifestList]);
const MANIFEST_TYPES = new Set([types_MediaType.ociManifest, types_MediaType.dockerManifest]);

function isIndexMediaType(mediaType) {
    return INDEX_TYPES.has(mediaType);
}
function parseJson(body) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
/** The `mediaType` a manifest declares about itself, if any. */
function declaredMediaType(bytes) {
    const json = parseJson(bytes);
    return typeof json?.mediaType === 'string' ? json.mediaType : undefined;
}
/** Validates manifest JSON against its media type (Content-Type, else the body's own mediaType). */
function parseManifest(bytes, contentType, invalid) {
    const json = parseJson(bytes);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw invalid('body is not a JSON object');
    const o = json;
    if (o.schemaVersion !== 2) {
        throw invalid(`schemaVersion ${JSON.stringify(o.schemaVersion)} is not supported (only schema 2 / OCI)`);
    }
    const declared = typeof o.mediaType === 'string' ? o.mediaType : undefined;
    const known = (t) => t !== undefined && (INDEX_TYPES.has(t) || MANIFEST_TYPES.has(t));
    let mediaType;
    if (known(contentType)) {
        mediaType = contentType;
        if (declared !== undefined && declared !== mediaType) {
            throw invalid(`Content-Type is ${mediaType} but the manifest says mediaType ${declared}`);
        }
    }
    else if (known(declared)) {
        mediaType = declared;
    }
    else if (contentType && contentType !== 'application/json' && contentType !== 'text/plain') {
        throw invalid(`unsupported manifest type ${contentType}`);
    }
    else {
        // Untyped OCI documents (umoci omits mediaType): tell them apart by shape.
        mediaType = Array.isArray(o.manifests) ? types_MediaType.ociIndex : types_MediaType.ociManifest;
    }
    if (INDEX_TYPES.has(mediaType)) {
        if (!Array.isArray(o.manifests) || !o.manifests.every(isDescriptor))
            throw invalid('index without valid manifests[]');
    }
    else if (!isDescriptor(o.config) || !Array.isArray(o.layers) || !o.layers.every(isDescriptor)) {
        throw invalid('manifest without a valid config and layers[]');
    }
    return { mediaType, manifest: json };
}
function isDescriptor(d) {
    if (typeof d !== 'object' || d === null)
        return false;
    const o = d;
    return typeof o.mediaType === 'string' && typeof o.digest === 'string' && typeof o.size === 'number';
}
/** Parses a config blob and checks it matches the manifest (one diff_id per layer). */
function parseConfig(bytes, manifest, invalid) {
    const json = parseJson(bytes);
    if (typeof json !== 'object' || json === null || Array.isArray(json))
        throw invalid('config is not a JSON object');
    const c = json;
    if (c.rootfs?.type !== 'layers' || !Array.isArray(c.rootfs.diff_ids))
        throw invalid('config has no rootfs.diff_ids');
    if (c.rootfs.diff_ids.length !== manifest.layers.length) {
        throw invalid(`config has ${c.rootfs.diff_ids.length} diff_ids but the manifest has ${manifest.layers.length} layers`);
    }
    return c;
}
function defaultVariant(arch) {
    return arch === 'arm64' ? 'v8' : arch === 'arm' ? 'v7' : undefined;
}
/** The first manifest in `index` for `want` (variant compared only when asked for; arm64 means v8). */
function selectPlatform(index, want) {
    const variant = (p) => p.variant ?? defaultVariant(p.architecture);
    return index.manifests.find((d) => {
        const p = d.platform;
        if (!p || p.os !== want.os || p.architecture !== want.architecture)
            return false;
        return want.variant === undefined || variant(p) === variant(want);
    });
}
/**
 * The entries of an index that are images for a real platform, in index order: buildx's attestation manifests
 * (`unknown/unknown`, `vnd.docker.reference.type`) and entries without a platform are left out.
 */
function imagePlatforms(index) {
    return index.manifests.filter((d) => d.platform !== undefined &&
        d.platform.os !== 'unknown' &&
        d.platform.architecture !== 'unknown' &&
        d.annotations?.['vnd.docker.reference.type'] === undefined &&
        !INDEX_TYPES.has(d.mediaType));
}
function formatPlatform(p) {
    return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : '?';
}

;// CONCATENATED MODULE: ./src/registry/verify.ts
// Blob content checks while streaming: size and sha256 digest against the descriptor.


/** Pass-through that counts and hashes, failing the stream when size or digest differ from the descriptor. */
class BlobVerifier extends external_node_stream_namespaceObject.Transform {
    failure;
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    bytes = 0;
    expected;
    makeError;
    constructor(expected, makeError) {
        super();
        this.expected = expected;
        this.makeError = makeError;
    }
    _transform(chunk, _enc, cb) {
        this.bytes += chunk.length;
        if (this.expected.size !== undefined && this.bytes > this.expected.size) {
            cb(this.setFailure('SIZE_MISMATCH', `is longer than the expected ${this.expected.size} bytes`));
            return;
        }
        this.hash.update(chunk);
        cb(null, chunk);
    }
    _flush(cb) {
        if (this.expected.size !== undefined && this.bytes !== this.expected.size) {
            cb(this.setFailure('SIZE_MISMATCH', `has ${this.bytes} bytes, expected ${this.expected.size}`));
            return;
        }
        const got = `sha256:${this.hash.digest('hex')}`;
        if (got !== this.expected.digest) {
            cb(this.setFailure('DIGEST_MISMATCH', `content hashes to ${got}, expected ${this.expected.digest}`));
            return;
        }
        cb();
    }
    setFailure(code, detail) {
        this.failure = this.makeError(code, detail);
        return this.failure;
    }
}

;// CONCATENATED MODULE: ./src/registry/client.ts
// OCI distribution client: blobs (HEAD → mount → POST + one streaming PATCH + PUT ?digest=), manifests (full Accept
// list, exact bytes, digest checks), tags. Modelled on go-containerregistry's remote.Write; the protocol as
// Distribution 2.8 speaks it is in src/registry/README.md.












const MAX_MANIFEST_BYTES = 16 << 20;
const MAX_ERROR_BODY = 64 << 10;
const DEFAULT_MAX_BLOB_BYTES = 64 << 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CLIENT_ID = 'package-storage-actions';
class RegistryClient {
    /** API host (`registry-1.docker.io` for docker.io). */
    host;
    baseUrl;
    transport;
    auth;
    secrets;
    emit;
    constructor(registryHost, o = {}) {
        const host = registryApiHost(registryHost);
        if (!isValidRegistryHost(host))
            throw new TypeError(`invalid registry host "${registryHost}"`);
        this.host = host;
        const insecure = o.insecure ?? isLoopbackHost(host);
        this.baseUrl = new URL(`${insecure ? 'http' : 'https'}://${host}/`);
        const listener = o.onEvent;
        this.emit = (e) => {
            try {
                listener?.(e);
            }
            catch {
                // A reporting hook must never break a push.
            }
        };
        const scale = timeScaleOf(o);
        const progress = o.progress ?? defaultProgressDeadline;
        this.transport = new Transport({
            timeoutMs: Math.max(1, Math.round((o.timeoutMs ?? 30_000) * scale)),
            progress: { bytes: progress.bytes, intervalMs: Math.max(1, Math.round(progress.intervalMs * scale)) },
            ...(scale !== 1 ? { sleep: (ms) => new Promise((r) => setTimeout(r, ms * scale)) } : {}),
            retry: { ...defaultRetryPolicy, ...o.retry },
            userAgent: o.userAgent ?? `${CLIENT_ID}/0.1 node/${process.version}`,
            onEvent: this.emit,
        });
        let credentials;
        this.secrets = new SecretSet(o.onSecret);
        const getCredentials = () => (credentials ??= resolveCredentials(host, {
            ...(o.credentials ? { credentials: o.credentials } : {}),
            ...(o.dockerConfigPath ? { dockerConfigPath: o.dockerConfigPath } : {}),
            ...(o.env ? { env: o.env } : {}),
        }));
        if (o.credentials) {
            if ('password' in o.credentials)
                this.secrets.add(o.credentials.password, o.credentials.username);
            else
                this.secrets.add(o.credentials.identityToken);
        }
        this.auth = new Authenticator({
            host,
            allowHttpRealm: insecure,
            transport: this.transport,
            secrets: this.secrets,
            getCredentials,
            clientId: CLIENT_ID,
            credentialSources: o.credentials
                ? 'the explicit options'
                : `the Docker config file ${o.dockerConfigPath ?? defaultDockerConfigPath(o.env)}`,
            onEvent: this.emit,
        });
    }
    /** Closes pooled keep-alive connections. */
    close() {
        this.transport.close();
    }
    // ---- blobs ----
    async blobExists(repo, digest) {
        return this.blobExistsWith(repo, digest, [pullScope(repo)]);
    }
    /**
     * Makes sure the blob is in `repo`: skipped when it exists, mounted from one of `mountFrom` (same registry), or
     * uploaded from `open()` — re-opened from the start on every retry. The content is checked against `desc` while
     * streaming, and the registry's digest is compared with ours.
     */
    async uploadBlob(repo, desc, open, o = {}) {
        reference_assertRepository(repo);
        assertDigest(desc.digest);
        const sources = [...new Set(o.mountFrom ?? [])].filter((r) => r !== repo);
        sources.forEach(reference_assertRepository);
        // One token covering the whole operation: push on the target and pull on every mount source (skopeo does too).
        const scopes = [pushScope(repo), ...sources.map(pullScope)];
        const existing = await this.blobExistsWith(repo, desc.digest, scopes);
        if (existing) {
            this.emit({ type: 'blob-exists', repository: repo, digest: desc.digest, size: existing.size });
            return 'exists';
        }
        let preopened;
        for (const [i, from] of sources.entries()) {
            const r = await this.tryMount(repo, desc.digest, from, scopes);
            if (r === 'mounted') {
                this.emit({ type: 'blob-mounted', repository: repo, digest: desc.digest, from });
                return 'mounted';
            }
            if (r instanceof URL) {
                if (i === sources.length - 1)
                    preopened = r;
                else
                    await this.cancelUpload(repo, r, scopes);
            }
        }
        const operation = `upload blob ${desc.digest}`;
        let attempts = 0;
        await this.transport.retry(`${operation} to ${repo}`, async (attempt) => {
            attempts = attempt;
            const location = preopened ?? (await this.startUpload(repo, scopes, operation));
            preopened = undefined;
            const next = await this.patchBlob(repo, location, desc, open, scopes, operation);
            await this.commitBlob(repo, next, desc.digest, scopes, operation);
        });
        this.emit({ type: 'blob-uploaded', repository: repo, digest: desc.digest, bytes: desc.size, attempts });
        return 'uploaded';
    }
    /**
     * Uploads a blob whose digest is known only at its end (a layer being built): POST, one streaming PATCH without
     * Content-Length (chunked), then `PUT ?digest=` with the digest hashed on the way. A failed attempt is retried
     * with a fresh `open()` — the source is rebuilt, never replayed from memory; when an attempt failed after the
     * whole blob was sent, the registry is asked first whether it has it. Resolves with the blob's digest and size.
     */
    async uploadStream(repo, open, o = {}) {
        reference_assertRepository(repo);
        const scopes = [pushScope(repo)];
        const operation = 'upload a streamed blob';
        let sent;
        let attempts = 0;
        const result = await this.transport.retry(`${operation} to ${repo}`, async (attempt) => {
            attempts = attempt;
            o.onAttempt?.(attempt);
            if (sent && (await this.blobExistsWith(repo, sent.digest, scopes)))
                return sent;
            const location = await this.startUpload(repo, scopes, operation);
            const streamed = await this.patchStream(repo, location, open, attempt, scopes, operation);
            sent = streamed.blob;
            await this.commitBlob(repo, streamed.next, sent.digest, scopes, `upload blob ${sent.digest}`);
            return sent;
        });
        this.emit({
            type: 'blob-uploaded',
            repository: repo,
            digest: result.digest,
            bytes: result.size,
            attempts,
        });
        return result;
    }
    /** The blob as a stream, verified against its digest (the stream errors on mismatch). Redirects are followed. */
    async getBlob(repo, digest) {
        reference_assertRepository(repo);
        assertDigest(digest);
        const call = this.blobGetCall(repo, digest);
        return this.request(call, (res) => {
            const size = contentLength(res);
            const verifier = new BlobVerifier({ digest, size }, (code, detail) => this.fail(call, code, detail));
            // Mid-stream failures reach the reader as RegistryErrors (TIMEOUT, NETWORK) like everything else.
            res.body.once('error', (e) => verifier.destroy(this.netError(e, call)));
            verifier.once('close', () => res.body.destroy());
            return Promise.resolve(res.body.pipe(verifier));
        });
    }
    async getBlobBytes(repo, digest, o = {}) {
        reference_assertRepository(repo);
        assertDigest(digest);
        const call = this.blobGetCall(repo, digest);
        return this.request(call, async (res) => {
            const bytes = await readBody(res.body, o.maxBytes ?? DEFAULT_MAX_BLOB_BYTES);
            const got = sha256Digest(bytes);
            if (got !== digest)
                throw this.fail(call, 'DIGEST_MISMATCH', `content hashes to ${got}`);
            return bytes;
        });
    }
    // ---- manifests ----
    /**
     * GET a manifest or index by tag or digest. With `platform`, an index is followed to that platform's manifest.
     * The digest is verified when pulling by digest; a body whose mediaType contradicts Content-Type is rejected.
     */
    async getManifest(repo, reference, o = {}) {
        const top = await this.fetchManifest(repo, reference);
        if (!o.platform || !isIndexMediaType(top.mediaType))
            return top;
        return this.platformManifest(repo, reference, top.manifest, o.platform);
    }
    /**
     * Follows an index to the platform manifest and fetches + parses the config blob. `'first'` takes the index's
     * first real platform (attestation entries skipped), for reading what every platform shares.
     */
    async resolveImage(repo, reference, platform = { os: 'linux', architecture: 'amd64' }) {
        const top = await this.fetchManifest(repo, reference);
        let index;
        let m = top;
        if (isIndexMediaType(top.mediaType)) {
            index = { digest: top.digest, mediaType: top.mediaType, manifest: top.manifest };
            const want = platform === 'first' ? imagePlatforms(index.manifest)[0]?.platform : platform;
            m = await this.platformManifest(repo, reference, index.manifest, want ?? { os: 'none', architecture: 'none' });
        }
        const manifest = m.manifest;
        assertDigest(manifest.config.digest);
        const call = this.blobGetCall(repo, manifest.config.digest);
        const configBytes = await this.getBlobBytes(repo, manifest.config.digest, { maxBytes: 8 << 20 });
        if (configBytes.length !== manifest.config.size) {
            throw this.fail(call, 'SIZE_MISMATCH', `config is ${configBytes.length} bytes, manifest says ${manifest.config.size}`);
        }
        const config = parseConfig(configBytes, manifest, (detail) => this.fail(call, 'CONFIG_INVALID', detail));
        return {
            repository: repo,
            reference,
            ...(index ? { index } : {}),
            digest: m.digest,
            mediaType: m.mediaType,
            bytes: m.bytes,
            manifest,
            config,
            configBytes,
        };
    }
    /** HEAD with the full Accept list; undefined when the manifest does not exist. */
    async headManifest(repo, reference) {
        const call = this.manifestCall(repo, reference, 'HEAD');
        call.ok = [200, 404];
        const head = await this.request(call, async (res) => {
            await drain(res.body);
            if (res.status === 404)
                return null;
            const digest = headerValue(res, 'docker-content-digest');
            return {
                digest: digest && isDigest(digest) ? digest : undefined,
                mediaType: mediaTypeOf(res) ?? '',
                size: contentLength(res) ?? -1,
            };
        });
        if (head === null)
            return undefined;
        if (head.digest && head.mediaType && head.size >= 0) {
            if (isDigest(reference) && head.digest !== reference) {
                throw this.fail(call, 'DIGEST_MISMATCH', `registry reports ${head.digest}`);
            }
            return { digest: head.digest, mediaType: head.mediaType, size: head.size };
        }
        // Docker-Content-Digest is optional (spec L49–52): fall back to GET and hash.
        const m = await this.fetchManifest(repo, reference);
        return { digest: m.digest, mediaType: m.mediaType, size: m.bytes.length };
    }
    /** PUT the exact bytes with Content-Type = mediaType; returns their digest, checked against the registry's. */
    async putManifest(repo, reference, bytes, mediaType) {
        return (await this.putManifestInfo(repo, reference, bytes, mediaType)).digest;
    }
    /**
     * {@link putManifest}, also telling whether the registry took care of the manifest's `subject`: a registry with
     * the referrers API answers with an `OCI-Subject` header (distribution-spec 1.1); without it, the client must
     * maintain the `sha256-<hex>` referrers tag itself.
     */
    async putManifestInfo(repo, reference, bytes, mediaType) {
        reference_assertRepository(repo);
        assertManifestReference(reference);
        const digest = sha256Digest(bytes);
        const call = this.manifestCall(repo, reference, 'PUT');
        call.scopes = [pushScope(repo)];
        call.ok = [200, 201, 202];
        call.headers = { 'Content-Type': mediaType };
        call.body = bytes;
        if (isDigest(reference) && reference !== digest) {
            throw this.fail(call, 'DIGEST_MISMATCH', `the bytes hash to ${digest}`);
        }
        const declared = declaredMediaType(bytes);
        if (declared !== undefined && declared !== mediaType) {
            throw this.fail(call, 'MANIFEST_INVALID', `manifest mediaType is ${declared}, not ${mediaType}`);
        }
        const subjectHandled = await this.request(call, async (res) => {
            await drain(res.body);
            const reported = headerValue(res, 'docker-content-digest');
            if (reported && reported !== digest) {
                throw this.fail(call, 'DIGEST_MISMATCH', `registry stored ${reported}, we sent ${digest}`);
            }
            return headerValue(res, 'oci-subject') !== undefined;
        });
        this.emit({ type: 'manifest-pushed', repository: repo, reference, digest, mediaType });
        return { digest, subjectHandled };
    }
    /** GET by tag or digest; undefined when the registry does not have it (404 / MANIFEST_UNKNOWN / NAME_UNKNOWN). */
    async findManifest(repo, reference) {
        try {
            return await this.getManifest(repo, reference);
        }
        catch (e) {
            if (e instanceof RegistryError && isNotFound(e))
                return undefined;
            throw e;
        }
    }
    /**
     * The referrers of `digest` through the referrers API (`GET /v2/<name>/referrers/<digest>`), optionally filtered
     * by artifact type; undefined when the registry has no referrers API (Distribution 2.8 answers 404) — then the
     * `sha256-<hex>` tag holds them (see {@link referrersTag}).
     */
    async listReferrers(repo, digest, artifactType) {
        reference_assertRepository(repo);
        assertDigest(digest);
        const url = new URL(`/v2/${repo}/referrers/${digest}`, this.baseUrl);
        if (artifactType)
            url.searchParams.set('artifactType', artifactType);
        const call = {
            operation: `list referrers of ${digest}`,
            repository: repo,
            method: 'GET',
            url,
            scopes: [pullScope(repo)],
            ok: [200, 404],
            headers: { Accept: types_MediaType.ociIndex },
        };
        return this.request(call, async (res) => {
            const body = await readBody(res.body, MAX_MANIFEST_BYTES);
            if (res.status === 404)
                return undefined;
            const json = parseJson(body);
            if (!json || !Array.isArray(json.manifests))
                throw this.fail(call, 'MANIFEST_INVALID', 'the referrers answer is not an image index');
            return json.manifests;
        });
    }
    /** All tags of a repository (following `Link` pagination); [] when the repository does not exist. */
    async listTags(repo) {
        reference_assertRepository(repo);
        const tags = [];
        let url = new URL(`/v2/${repo}/tags/list?n=1000`, this.baseUrl);
        for (let page = 0; url && page < 1000; page++) {
            const call = {
                operation: 'list tags',
                repository: repo,
                method: 'GET',
                url,
                scopes: [pullScope(repo)],
                ok: [200, 404],
                headers: { Accept: 'application/json' },
            };
            const r = await this.request(call, async (res) => {
                const body = await readBody(res.body, MAX_MANIFEST_BYTES);
                if (res.status === 404) {
                    const code = parseRegistryErrors(body)[0]?.code;
                    if (code === 'NAME_UNKNOWN')
                        return { tags: [], next: undefined };
                    throw this.httpError(call, res, body);
                }
                const json = parseJson(body);
                const list = Array.isArray(json?.tags)
                    ? json.tags.filter((t) => typeof t === 'string')
                    : [];
                return { tags: list, next: nextLink(res, call.url) };
            });
            tags.push(...r.tags);
            url = r.next;
        }
        return tags;
    }
    // ---- internals: blob upload steps ----
    async blobExistsWith(repo, digest, scopes) {
        reference_assertRepository(repo);
        assertDigest(digest);
        const call = {
            operation: `check blob ${digest}`,
            repository: repo,
            method: 'HEAD',
            url: new URL(`/v2/${repo}/blobs/${digest}`, this.baseUrl),
            scopes,
            ok: [200, 404],
            followRedirects: true,
        };
        return this.request(call, async (res) => {
            await drain(res.body);
            return res.status === 200 ? { size: contentLength(res) ?? -1 } : undefined;
        });
    }
    /** 'mounted', an upload URL (the registry opened a session instead), or undefined when the mount failed. */
    async tryMount(repo, digest, from, scopes) {
        const url = new URL(`/v2/${repo}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`, this.baseUrl);
        const call = {
            operation: `mount blob ${digest} from ${from}`,
            repository: repo,
            method: 'POST',
            url,
            scopes,
            ok: [201, 202],
        };
        try {
            return await this.request(call, async (res) => {
                await drain(res.body);
                if (res.status === 201) {
                    const reported = headerValue(res, 'docker-content-digest');
                    if (reported && reported !== digest)
                        throw this.fail(call, 'DIGEST_MISMATCH', `registry mounted ${reported}`);
                    return 'mounted';
                }
                return this.location(call, res);
            });
        }
        catch (e) {
            // Registries may refuse or not support mounts (ggcr#1404): fall back to uploading.
            if (!(e instanceof RegistryError))
                throw e;
            this.emit({ type: 'mount-failed', repository: repo, digest, from, reason: `${e.code}: ${e.detail}` });
            return undefined;
        }
    }
    async cancelUpload(repo, location, scopes) {
        const call = {
            operation: 'cancel upload',
            repository: repo,
            method: 'DELETE',
            url: location,
            scopes,
            ok: [200, 202, 204, 404],
        };
        try {
            await this.request(call, (res) => drain(res.body), 1);
        }
        catch {
            // Abandoned sessions are purged by the registry; nothing to do.
        }
    }
    async startUpload(repo, scopes, operation) {
        const call = {
            operation,
            repository: repo,
            method: 'POST',
            url: new URL(`/v2/${repo}/blobs/uploads/`, this.baseUrl),
            scopes,
            ok: [202],
        };
        const res = await this.exchange(call);
        await drain(res.body);
        return this.location(call, res);
    }
    async patchBlob(repo, location, desc, open, scopes, operation) {
        const call = patchCall(repo, location, scopes, operation);
        let verifier;
        call.headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(desc.size) };
        call.body = () => {
            const v = new BlobVerifier(desc, (code, detail) => this.fail(call, code, `source ${detail}`));
            verifier = v;
            const sourceFailed = (e) => {
                // A source that is itself a download (a base layer from another registry) can fail transiently; then the
                // upload is retried from the start like any other transient failure.
                const transient = e instanceof RegistryError && e.retryable;
                v.failure ??= new RegistryError({
                    host: this.host,
                    repository: call.repository,
                    operation: call.operation,
                    code: 'SOURCE_ERROR',
                    detail: this.secrets.clean(`reading the blob source: ${e.message}`, 600),
                    retryable: transient,
                });
                return v.failure;
            };
            let source;
            try {
                source = open();
            }
            catch (e) {
                throw sourceFailed(e);
            }
            // Runs before pipeline's own handling, so the failure is known by the time the request errors. A source torn
            // down because the request failed (its error comes after the verifier was destroyed, often as a bare
            // "Premature close") leaves the request's error to decide, as in patchStream: that one may be retried.
            source.once('error', (e) => {
                if (!v.destroyed)
                    sourceFailed(e);
            });
            return (0,external_node_stream_namespaceObject.pipeline)(source, v, () => undefined);
        };
        return this.sendBody(call, () => verifier?.failure);
    }
    /**
     * Sends a PATCH whose body streams from a source, and returns the upload's next Location. A failure the source
     * itself reported (`sourceFailure()`) wins over the request error it caused.
     */
    async sendBody(call, sourceFailure) {
        let res;
        try {
            res = await this.exchange(call);
        }
        catch (e) {
            throw sourceFailure() ?? e;
        }
        await drain(res.body);
        const sendError = await res.requestDone;
        const failure = sourceFailure();
        if (failure !== undefined)
            throw failure;
        if (sendError)
            throw this.netError(sendError, call);
        return headerValue(res, 'location') ? this.location(call, res) : call.url;
    }
    async patchStream(repo, location, open, attempt, scopes, operation) {
        const call = patchCall(repo, location, scopes, operation);
        const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        let size = 0;
        let sourceError;
        let known;
        // No Content-Length: node sends the body chunked, as docker and go-containerregistry stream layers.
        call.headers = { 'Content-Type': 'application/octet-stream' };
        call.body = () => {
            const opened = open(attempt);
            const source = 'stream' in opened ? opened.stream : opened;
            // A source that hashes itself (a layer being built) is not hashed twice.
            known = 'stream' in opened ? opened.digest : undefined;
            const counter = new external_node_stream_namespaceObject.Transform({
                transform(chunk, _enc, cb) {
                    if (!known)
                        hash.update(chunk);
                    size += chunk.length;
                    cb(null, chunk);
                },
            });
            // The source's own failure (git, the build) ends the upload as it is; a source torn down because the
            // request failed (its error comes after the counter was destroyed) leaves the request's error to decide.
            source.once('error', (e) => {
                if (!counter.destroyed)
                    sourceError ??= e;
            });
            return (0,external_node_stream_namespaceObject.pipeline)(source, counter, () => undefined);
        };
        const next = await this.sendBody(call, () => sourceError);
        if (!known)
            return { next, blob: { digest: `sha256:${hash.digest('hex')}`, size } };
        const blob = await known;
        if (blob.size !== size)
            throw this.fail(call, 'SIZE_MISMATCH', `the source says ${blob.size} bytes, ${size} were sent`);
        return { next, blob };
    }
    async commitBlob(repo, location, digest, scopes, operation) {
        // The Location may carry opaque state in its query (spec L239–288): append, never rebuild.
        const url = new URL(location.href);
        url.search = `${url.search ? `${url.search}&` : '?'}digest=${encodeURIComponent(digest)}`;
        const call = { operation, repository: repo, method: 'PUT', url, scopes, ok: [201, 204] };
        const res = await this.exchange(call);
        await drain(res.body);
        const reported = headerValue(res, 'docker-content-digest');
        if (reported && reported !== digest)
            throw this.fail(call, 'DIGEST_MISMATCH', `registry stored ${reported}`);
    }
    location(call, res) {
        const loc = headerValue(res, 'location');
        if (!loc)
            throw this.fail(call, 'LOCATION_MISSING', `${res.status} without a Location header`);
        try {
            return new URL(loc, res.url);
        }
        catch {
            throw this.fail(call, 'LOCATION_INVALID', 'unparseable Location header');
        }
    }
    // ---- internals: manifests ----
    manifestCall(repo, reference, method) {
        reference_assertRepository(repo);
        assertManifestReference(reference);
        return {
            operation: `${method} manifest ${reference}`,
            repository: repo,
            method,
            url: new URL(`/v2/${repo}/manifests/${reference}`, this.baseUrl),
            scopes: [pullScope(repo)],
            ok: [200],
            headers: { Accept: manifestAccept.join(', ') },
        };
    }
    async fetchManifest(repo, reference) {
        const call = this.manifestCall(repo, reference, 'GET');
        return this.request(call, async (res) => {
            const bytes = await readBody(res.body, MAX_MANIFEST_BYTES);
            const digest = sha256Digest(bytes);
            if (isDigest(reference) && digest !== reference) {
                throw this.fail(call, 'DIGEST_MISMATCH', `content hashes to ${digest}`);
            }
            const { mediaType, manifest } = parseManifest(bytes, mediaTypeOf(res), (detail) => this.fail(call, 'MANIFEST_INVALID', detail));
            return { digest, mediaType, bytes, manifest };
        });
    }
    /** The manifest `index` lists for `want`, fetched by digest (nested indexes are not followed). */
    async platformManifest(repo, reference, index, want) {
        const chosen = selectPlatform(index, want);
        if (!chosen) {
            const available = index.manifests.map((d) => formatPlatform(d.platform)).join(', ');
            throw this.fail(this.manifestCall(repo, reference, 'GET'), 'PLATFORM_NOT_FOUND', `no ${formatPlatform(want)} manifest in index (has: ${available || 'none'})`);
        }
        assertDigest(chosen.digest);
        const m = await this.fetchManifest(repo, chosen.digest);
        if (isIndexMediaType(m.mediaType)) {
            throw this.fail(this.manifestCall(repo, chosen.digest, 'GET'), 'UNSUPPORTED', 'nested index is not supported');
        }
        return m;
    }
    blobGetCall(repo, digest) {
        return {
            operation: `GET blob ${digest}`,
            repository: repo,
            method: 'GET',
            url: new URL(`/v2/${repo}/blobs/${digest}`, this.baseUrl),
            scopes: [pullScope(repo)],
            ok: [200],
            followRedirects: true,
        };
    }
    // ---- internals: exchanges and errors ----
    /** Retries `exchange` + `handle` as a unit (body read failures are retried too). */
    request(call, handle, attempts) {
        return this.transport.retry(`${call.operation} (${call.repository})`, async () => {
            const res = await this.exchange(call);
            try {
                return await handle(res);
            }
            catch (e) {
                res.body.destroy();
                throw this.netError(e, call);
            }
        }, attempts);
    }
    /** One attempt: authorization (one re-auth on 401), redirects (no Authorization to other origins). */
    async exchange(call) {
        let url = call.url;
        // A 401 to an unauthenticated request only tells us the scheme; a rejected credential gets one more try.
        let discovered = false;
        let reauthed = false;
        for (let redirects = 0;;) {
            const sameOrigin = url.origin === this.baseUrl.origin;
            const authz = sameOrigin ? await this.auth.authorization(call.scopes, call.repository) : undefined;
            const headers = { ...call.headers, ...(authz ? { Authorization: authz } : {}) };
            let res;
            try {
                res = await this.transport.send({
                    method: call.method,
                    url,
                    headers,
                    ...(call.body ? { body: call.body } : {}),
                });
            }
            catch (e) {
                throw this.netError(e, call);
            }
            if (call.ok.includes(res.status))
                return res;
            if (res.status === 401 && sameOrigin && !(authz ? reauthed : discovered)) {
                const body = await this.readErrorBody(res);
                if (authz)
                    reauthed = true;
                else
                    discovered = true;
                const retry = await this.auth.onUnauthorized(res.headers['www-authenticate'], call.scopes, authz !== undefined, call.repository);
                if (retry)
                    continue;
                throw await this.authError(call, res, body);
            }
            if (call.followRedirects && REDIRECT_STATUSES.has(res.status) && res.headers.location) {
                await drain(res.body);
                if (++redirects > 5)
                    throw this.fail(call, 'TOO_MANY_REDIRECTS', `last hop ${displayUrl(url)}`);
                url = new URL(res.headers.location, url);
                continue;
            }
            const body = await this.readErrorBody(res);
            if (res.status === 401 || res.status === 403)
                throw await this.authError(call, res, body);
            throw this.httpError(call, res, body);
        }
    }
    async readErrorBody(res) {
        try {
            return await readBody(res.body, MAX_ERROR_BODY);
        }
        catch {
            res.body.destroy();
            return Buffer.alloc(0);
        }
    }
    async authError(call, res, body) {
        const e = this.httpError(call, res, body);
        return e.withDetail(`${e.detail}; ${await this.auth.describeIdentity()}`);
    }
    httpError(call, res, body) {
        const clean = (text, max) => this.secrets.clean(text, max);
        const errors = parseRegistryErrors(body, clean);
        const first = errors[0];
        const code = first?.code ?? codeForStatus(res.status);
        let detail = first ? [first.message, first.detail].filter(Boolean).join(' ') : '';
        if (errors.length > 1) {
            detail += ` (+${errors.length - 1} more: ${errors
                .slice(1, 6)
                .map((e) => [e.code, e.detail].filter(Boolean).join(' '))
                .join(', ')})`;
        }
        if (!detail)
            detail = clean(bodyText(body), 200) || `HTTP ${res.status}`;
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        return new RegistryError({
            host: this.host,
            repository: call.repository,
            operation: call.operation,
            status: res.status,
            code,
            // Cleaned again whole: a secret could straddle two of the registry's fields.
            detail: this.secrets.clean(detail, 600),
            retryable: isRetryableStatus(res.status),
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        });
    }
    fail(call, code, detail) {
        return new RegistryError({
            host: this.host,
            repository: call.repository,
            operation: call.operation,
            code,
            detail: this.secrets.clean(detail, 600),
        });
    }
    /** Node system errors become RegistryErrors (retryable when they are transient); bugs pass through untouched. */
    netError(e, call) {
        if (e instanceof RegistryError)
            return e;
        if (typeof e?.code !== 'string')
            return e;
        const err = networkError(e, { host: this.host, repository: call.repository, operation: call.operation });
        return err.withDetail(this.secrets.redact(err.detail));
    }
}
function timeScaleOf(o) {
    if (o.timeScale !== undefined)
        return o.timeScale;
    const fromEnv = process.env.PACKAGE_STORAGE_REGISTRY_TIME_SCALE;
    const value = Number(fromEnv);
    return fromEnv && Number.isFinite(value) && value > 0 ? value : 1;
}
/** Whether a registry error means "no such manifest / repository". */
function isNotFound(e) {
    return e.status === 404 || e.code === 'MANIFEST_UNKNOWN' || e.code === 'NAME_UNKNOWN';
}
/** The tag that holds an image's referrers on registries without the referrers API (distribution-spec 1.1). */
function referrersTag(digest) {
    return digest.replace(':', '-');
}
function pullScope(repo) {
    return repositoryScope(repo, ['pull']);
}
function pushScope(repo) {
    return repositoryScope(repo, ['pull', 'push']);
}
function headerValue(res, name) {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
}
function contentLength(res) {
    const v = headerValue(res, 'content-length');
    return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}
function mediaTypeOf(res) {
    const ct = headerValue(res, 'content-type')?.split(';')[0]?.trim().toLowerCase();
    return ct || undefined;
}
/** Next page from `Link: </v2/…?last=x&n=…>; rel="next"`. */
function nextLink(res, base) {
    const link = headerValue(res, 'link');
    const m = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link) : null;
    return m?.[1] ? new URL(m[1], base) : undefined;
}
/** A PATCH to an upload session; the caller gives its body (a verified blob, or a layer being built). */
function patchCall(repository, url, scopes, operation) {
    return { operation, repository, method: 'PATCH', url, scopes, ok: [202, 204] };
}

;// CONCATENATED MODULE: ./src/registry/index.ts
// Public surface of the OCI distribution client.








;// CONCATENATED MODULE: ./src/publish-image/ancestry.ts
// Whether a channel tag may move from the image it names to a new one: only forward in git ancestry. The old
// image's labels say which commit of every channel it was built from (`io.package-storage.commits`); the move is
// forward when each of those commits is the new one or an ancestor of it. Commit dates are never compared: a
// future-dated commit would otherwise freeze the tag. A shallow clone (actions/checkout's depth 1) lacks the
// history to decide: the commit graph is fetched once, without trees or blobs (`--filter=tree:0`).

class Ancestry {
    repoDir;
    log;
    deepened;
    constructor(repoDir, log = () => undefined) {
        this.repoDir = repoDir;
        this.log = log;
    }
    /** Compares the commits an existing image was built from with the new image's (by channel). */
    async isForward(from, to) {
        for (const [channel, old] of Object.entries(from)) {
            const next = to[channel];
            // A channel the new image no longer includes (policy change) says nothing about direction.
            if (next === undefined || next === old)
                continue;
            if (!(await this.isAncestor(old, next)))
                return {
                    forward: false,
                    reason: `${channel} ${next.slice(0, 12)} does not descend from ${old.slice(0, 12)}`,
                };
        }
        return { forward: true };
    }
    async isAncestor(ancestor, descendant) {
        if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(ancestor) ||
            !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(descendant))
            return false;
        if ((await this.mergeBase(ancestor, descendant)) === true)
            return true;
        // A complete history has every ancestor of the descendant: a missing commit is simply not one of them.
        if (!(await this.isShallow()))
            return false;
        await this.completeHistory(descendant);
        return (await this.mergeBase(ancestor, descendant)) === true;
    }
    /**
     * The commit `rev` names (a full or abbreviated sha, or any revision), with the history of `tip` fetched first
     * in a shallow clone (an older commit of the channel is not in a depth-1 checkout).
     */
    async resolveCommit(rev, tip) {
        if (rev.startsWith('-') || rev.length === 0 || rev.length > 256)
            return undefined;
        if (await this.isShallow())
            await this.completeHistory(tip);
        const sha = await revParse(this.repoDir, rev);
        return sha !== undefined && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined;
    }
    /** Whether `commit` is `tip` or one of its first parents, going back: a state the branch itself was at. */
    async onFirstParentHistory(commit, tip) {
        if (await this.isShallow())
            await this.completeHistory(tip);
        if (!(await this.isAncestor(commit, tip)))
            return false;
        const parents = (await git_gitRaw(['rev-parse', `${commit}^@`], { cwd: this.repoDir })).stdout
            .toString('utf8')
            .split('\n')
            .filter(Boolean);
        // The commit's parents cut the walk below it: the first-parent walk from the tip is short, and lists the
        // commit when the branch itself was at it (not when it only came in through a merge's second parent).
        const r = await git_gitRaw(['rev-list', '--first-parent', tip, '--not', ...parents], { cwd: this.repoDir });
        return r.stdout.toString('utf8').split('\n').includes(commit);
    }
    /** true / false, or undefined when git cannot tell (a commit is missing). */
    async mergeBase(ancestor, descendant) {
        const r = await git_gitRaw(['merge-base', '--is-ancestor', ancestor, descendant], {
            cwd: this.repoDir,
            okCodes: [1, 128],
        });
        return r.code === 0 ? true : r.code === 1 ? false : undefined;
    }
    async isShallow() {
        const r = await git_gitRaw(['rev-parse', '--is-shallow-repository'], { cwd: this.repoDir });
        return r.stdout.toString('utf8').trim() === 'true';
    }
    /** The whole commit graph of `tip` from origin, once per run (commits only: a few MB even for big histories). */
    completeHistory(tip) {
        this.deepened ??= (async () => {
            const shallow = await this.isShallow();
            this.log(`fetching the commit history from origin to check ancestry${shallow ? ' (shallow clone)' : ''}`);
            const r = await git_gitRaw([
                '-c',
                'protocol.version=2',
                'fetch',
                '--quiet',
                '--no-tags',
                '--no-write-fetch-head',
                '--filter=tree:0',
                ...(shallow ? ['--unshallow'] : []),
                'origin',
                tip,
            ], { cwd: this.repoDir, okCodes: [1, 128] });
            if (r.code !== 0)
                this.log(`could not fetch the history: ${r.stderr.trim().split('\n')[0] ?? ''}`);
        })();
        return this.deepened;
    }
}

;// CONCATENATED MODULE: ./src/publish-image/metadata.ts
// What each image says about itself: the `org.opencontainers.image.*` keys docker/metadata-action sets, as config
// labels and as manifest (and index) annotations, plus our own keys, plus what the operator adds (`labels`,
// `annotations` inputs). Every value is a function of the commits, the policy and the inputs, never of the run
// (event, time, runner), so the same commits always give the same image digest.



const OciKey = {
    created: 'org.opencontainers.image.created',
    source: 'org.opencontainers.image.source',
    url: 'org.opencontainers.image.url',
    revision: 'org.opencontainers.image.revision',
    version: 'org.opencontainers.image.version',
    title: 'org.opencontainers.image.title',
    description: 'org.opencontainers.image.description',
    licenses: 'org.opencontainers.image.licenses',
    baseName: 'org.opencontainers.image.base.name',
    baseDigest: 'org.opencontainers.image.base.digest',
};
const StorageKey = {
    channel: 'io.package-storage.channel',
    commits: 'io.package-storage.commits',
    base: 'io.package-storage.base',
    registryVersion: 'package-registry',
};
const noExtraMetadata = { labels: {}, manifestAnnotations: {}, indexAnnotations: {} };
// OCI annotation and Docker label keys: reverse-DNS style, no whitespace or `=`.
const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,254}$/;
function entries(text, what) {
    const out = [];
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '').trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        const key = eq === -1 ? line : line.slice(0, eq).trim();
        if (eq === -1 || key === '')
            throw new UsageError(`${what}: ${JSON.stringify(line.slice(0, 80))} is not key=value (one per line)`);
        const value = line.slice(eq + 1).trim();
        if (value.length > 4096)
            throw new UsageError(`${what}: the value of ${key} is longer than 4096 characters`);
        if (carriesCredentials(value))
            throw new UsageError(`${what}: the value of ${key} holds a URL with credentials (user:password@, or a token, password or signature in its query); an image shows its labels and annotations to everyone who can pull it`);
        out.push([key, value]);
    }
    return out;
}
function checkKey(key, what) {
    if (!keyPattern.test(key))
        throw new UsageError(`${what}: ${JSON.stringify(key.slice(0, 80))} is not a valid key (letters, digits, . _ / -, e.g. org.example.team)`);
    return key;
}
/** `labels` and `annotations` inputs (one `key=value` per line; annotations may start with `manifest:` or `index:`). */
function parseExtraMetadata(labels, annotations) {
    const extra = { labels: {}, manifestAnnotations: {}, indexAnnotations: {} };
    for (const [key, value] of entries(labels, 'labels'))
        extra.labels[checkKey(key, 'labels')] = value;
    for (const [rawKey, value] of entries(annotations, 'annotations')) {
        const m = /^(manifest|index):(.*)$/.exec(rawKey);
        const key = checkKey(m ? m[2] : rawKey, 'annotations');
        if (!m || m[1] === 'manifest')
            extra.manifestAnnotations[key] = value;
        if (!m || m[1] === 'index')
            extra.indexAnnotations[key] = value;
    }
    return extra;
}
/** `created` from a commit time: RFC 3339, clamped into its years (a commit can claim any date). */
function createdTime(seconds) {
    return rfc3339(seconds);
}
/** Keys shared by labels and annotations; base.digest is the platform's base manifest, or the base index. */
function metadata_common(o) {
    const { plan } = o;
    const channel = plan.channel.name;
    const others = Object.keys(plan.commits).filter((c) => c !== channel);
    // Whoever passes it (a remote URL, GITHUB_SERVER_URL), no userinfo, query or fragment reaches the image.
    const source = o.sourceUrl ? publicUrl(o.sourceUrl) : undefined;
    return {
        [OciKey.created]: createdTime(plan.created),
        [OciKey.revision]: plan.commit,
        [OciKey.version]: o.version ?? `${channel}-${plan.commit.slice(0, 12)}`,
        [OciKey.title]: `package-storage ${channel} distribution`,
        [OciKey.description]: `package-registry ${o.registryVersion} serving the ${channel} channel${others.length ? ` and ${others.join(', ')}` : ''}`,
        ...(source ? { [OciKey.source]: source, [OciKey.url]: source } : {}),
        ...(o.baseName ? { [OciKey.baseName]: o.baseName } : {}),
        ...(o.baseDigest ? { [OciKey.baseDigest]: o.baseDigest } : {}),
    };
}
/** Config labels of one platform image. */
function imageLabels(o) {
    return {
        ...metadata_common(o),
        [StorageKey.registryVersion]: o.registryVersion,
        [StorageKey.channel]: o.plan.channel.name,
        [StorageKey.commits]: JSON.stringify(o.plan.commits),
        ...(o.baseName && o.baseDigest ? { [StorageKey.base]: `${o.baseName}@${o.baseDigest}` } : {}),
        ...o.extra.labels,
    };
}
/** Manifest annotations of one platform image. */
function manifestAnnotations(o) {
    return { ...metadata_common(o), ...o.extra.manifestAnnotations };
}
/** Index annotations. */
function indexAnnotations(o) {
    return { ...metadata_common(o), ...o.extra.indexAnnotations };
}

;// CONCATENATED MODULE: ./src/publish-image/assemble.ts
// Stage 3: assemble each channel's image from its base and its ready layers: one image per base platform (the
// package layers are the very same blobs in all of them), and an index over them when there is more than one.
// Pure: the same plan, base and layers always give the same digests.


function newLayer(layer) {
    return {
        diffId: layer.diffId,
        digest: layer.digest,
        size: layer.size,
        mediaType: layer.mediaType,
        ...(layer.annotations ? { annotations: layer.annotations } : {}),
        ...(layer.createdBy !== undefined ? { createdBy: layer.createdBy } : {}),
        ...(layer.comment !== undefined ? { comment: layer.comment } : {}),
    };
}
function assemble(job, layers, o) {
    const own = job.layers.map((w) => {
        const layer = layers.get(w.source);
        if (!layer)
            throw new Error(`layer ${w.source} was not resolved`);
        return layer;
    });
    const meta = {
        plan: job.plan,
        registryVersion: job.registryVersion,
        ...(o.sourceUrl ? { sourceUrl: o.sourceUrl } : {}),
        ...(job.tags.release[0] ? { version: job.tags.release[0] } : {}),
        ...(job.base.label ? { baseName: job.base.label } : {}),
        extra: o.extra,
    };
    const images = job.platforms.map((p) => {
        const perPlatform = { ...meta, ...(p.digest ? { baseDigest: p.digest } : {}) };
        return buildImage(p.image, own.map(newLayer), {
            created: createdTime(job.plan.created),
            labels: imageLabels(perPlatform),
            annotations: manifestAnnotations(perPlatform),
            platform: p.platform,
        });
    });
    if (images.length === 1) {
        const image = images[0];
        return {
            job,
            images,
            digest: image.digest,
            top: { bytes: image.manifestBytes, descriptor: image.manifestDescriptor },
            layers: own,
        };
    }
    const index = buildIndex(images, indexAnnotations({ ...meta, ...(job.base.digest ? { baseDigest: job.base.digest } : {}) }), job.platforms.map((p) => p.platform));
    return {
        job,
        images,
        index,
        digest: index.digest,
        top: { bytes: index.indexBytes, descriptor: index.descriptor },
        layers: own,
    };
}
/** What layouts and archives store for the image. */
function stored(a) {
    return a.index ?? a.images[0];
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/oci/tar.ts
// Deterministic tar writer for image layers and image archives (src/oci/README.md, "Tar order", "Header fields", "Names").
//
// Our own USTAR + PAX encoder rather than tar-stream: tar-stream takes names as JS strings (raw non-UTF-8 bytes
// cannot be expressed), defaults mtime to "now", wants one stream per entry (slow for 14k small files) and its PAX
// headers are not under our control. Owning the ~300 lines of header code lets us fix every byte that reaches
// the layer's diff_id.
//
// Output format, per entry:
// - USTAR header, magic "ustar\0" version "00"; uid/gid 0, uname/gname empty, devmajor/devminor 0;
//   mtime fixed (options.mtime, default 0); mode 0644 for files, 0755 for directories and executable files
//   (only the owner-exec bit of the given mode survives, as git keeps it), 0777 for symlinks.
// - Names longer than 100 bytes are split into USTAR prefix/name when possible. Names that still do not fit, and
//   every non-ASCII name, get a PAX `x` header (fixed pseudo-name `././@PaxHeader`, like Python's tarfile)
//   carrying only `path` and/or `linkpath` (never atime/ctime/mtime).
// - Names that are not valid UTF-8 (git allows any bytes but NUL) round-trip by default (`nonUtf8Names: 'binary'`):
//   the raw bytes go into the USTAR name/prefix fields, which carry no character set. Only when such a name is too
//   long for USTAR does it need PAX `path`, which is UTF-8 by spec; then the entry also gets the POSIX
//   `hdrcharset=BINARY` record. Go's archive/tar (containerd, skopeo, umoci) reads that silently and GNU tar 1.34
//   prints "Ignoring unknown extended header keyword" but still restores the exact bytes. `nonUtf8Names: 'reject'`
//   throws a TarError (code EUTF8) for any non-UTF-8 name or symlink target instead.
// - The archive ends with two zero blocks, no further record padding.
//
// Order: entries are emitted sorted by the bytes of their tar name, where a directory's name carries its trailing
// `/` (`a-b` < `a/` < `a/b`). That is exactly git's tree/index order (git compares directories as `name/`), so a
// `git ls-tree -r` listing is already sorted; a prefix always sorts before its extensions, so parents come before
// children, and a missing parent directory can always be inserted just before its first child, even while
// streaming. Either pass entries unsorted (default: only the entry metadata is buffered and sorted; give file
// contents as factories so no file is opened early) or pass `sorted: true` and the writer streams, failing with
// a TarError (code ENOTSORTED) on the first entry that is out of order.
//
// The output is re-chunked into fixed blocks (64 KiB by default), so how the caller's streams are chunked never
// reaches the compressor.


class TarError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'TarError';
    }
}
const BLOCK = 512;
const MAX_OCTAL_11 = 0o77777777777; // largest value of a 12-byte USTAR numeric field
const SLASH = 0x2f;
const PAX_PSEUDO_NAME = Buffer.from('././@PaxHeader');
const EMPTY = Buffer.alloc(0);
/** Printable, escaped rendering of a name for error messages (names are untrusted). */
function showName(name) {
    const bytes = typeof name === 'string' ? Buffer.from(name, 'utf8') : name;
    let out = '';
    for (const b of bytes.subarray(0, 300)) {
        out +=
            b >= 0x20 && b < 0x7f && b !== 0x5c && b !== 0x22
                ? String.fromCharCode(b)
                : `\\x${b.toString(16).padStart(2, '0')}`;
    }
    return `"${out}${bytes.length > 300 ? '…' : ''}"`;
}
function toBytes(value, what) {
    if (typeof value === 'string') {
        // Buffer.from would silently turn a lone surrogate into U+FFFD and change the name.
        if (/\p{Cs}/u.test(value))
            throw new TarError('EPATH', `${what} contains a lone UTF-16 surrogate: ${showName(value)}`);
        return Buffer.from(value, 'utf8');
    }
    return Buffer.from(value); // copy: the caller may reuse its buffer
}
/** Validates a path and returns its bytes without a trailing slash. */
function normalizeTarPath(path, type = 'file') {
    let b = toBytes(path, 'path');
    if (type === 'dir' && b.length > 1 && b[b.length - 1] === SLASH)
        b = b.subarray(0, -1);
    if (b.length === 0)
        throw new TarError('EPATH', 'empty path');
    if (b[0] === SLASH)
        throw new TarError('EPATH', `absolute path: ${showName(b)}`);
    if (b.includes(0))
        throw new TarError('EPATH', `path contains NUL: ${showName(b)}`);
    let start = 0;
    for (let i = 0; i <= b.length; i++) {
        if (i === b.length || b[i] === SLASH) {
            const len = i - start;
            const isDot = len === 1 && b[start] === 0x2e;
            const isDotDot = len === 2 && b[start] === 0x2e && b[start + 1] === 0x2e;
            if (len === 0 || isDot || isDotDot)
                throw new TarError('EPATH', `invalid path component in ${showName(b)}`);
            start = i + 1;
        }
    }
    return b;
}
/** The name an entry gets in the tar (directories end in `/`): the sort key. */
function tarName(path, type) {
    const p = normalizeTarPath(path, type);
    return type === 'dir' ? Buffer.concat([p, Buffer.from('/')]) : p;
}
/** Comparator for entries in tar order, for callers that sort their own listings. */
function compareTarEntries(a, b) {
    return Buffer.compare(tarName(a.path, a.type), tarName(b.path, b.type));
}
function checkSize(size, name) {
    if (!Number.isSafeInteger(size) || size < 0)
        throw new TarError('ESIZE', `invalid size ${size} for ${showName(name)}`);
    // Larger files would need a PAX size record or base-256; no package file comes near 8 GiB.
    if (size > MAX_OCTAL_11)
        throw new TarError('ESIZE', `file too large for a USTAR header (>= 8 GiB): ${showName(name)}`);
}
function prepare(e) {
    if (e === null || typeof e !== 'object')
        throw new TarError('EENTRY', 'tar entry is not an object');
    if (e.type !== 'file' && e.type !== 'dir' && e.type !== 'symlink') {
        throw new TarError('EENTRY', `unsupported entry type ${JSON.stringify(String(e.type)).slice(0, 40)}`);
    }
    const path = normalizeTarPath(e.path, e.type);
    const name = e.type === 'dir' ? Buffer.concat([path, Buffer.from('/')]) : path;
    if (e.type === 'dir' || e.type === 'symlink') {
        if (e.content !== undefined)
            throw new TarError('EENTRY', `${e.type} with content: ${showName(name)}`);
        if (e.size !== undefined && e.size !== 0)
            throw new TarError('EENTRY', `${e.type} with a size: ${showName(name)}`);
    }
    if (e.type === 'dir') {
        if (e.linkname !== undefined)
            throw new TarError('EENTRY', `directory with a linkname: ${showName(name)}`);
        return { path, name, type: 'dir', mode: 0o755, size: 0, content: undefined, linkname: EMPTY };
    }
    if (e.type === 'symlink') {
        if (e.linkname === undefined)
            throw new TarError('EENTRY', `symlink without linkname: ${showName(name)}`);
        const linkname = toBytes(e.linkname, 'linkname');
        if (linkname.length === 0 || linkname.includes(0)) {
            throw new TarError('EPATH', `invalid symlink target for ${showName(name)}: ${showName(linkname)}`);
        }
        return { path, name, type: 'symlink', mode: 0o777, size: 0, content: undefined, linkname };
    }
    if (e.linkname !== undefined)
        throw new TarError('EENTRY', `file with a linkname: ${showName(name)}`);
    const mode = e.mode !== undefined && (e.mode & 0o100) !== 0 ? 0o755 : 0o644;
    let size;
    if (e.content instanceof Uint8Array) {
        if (e.size !== undefined && e.size !== e.content.length) {
            throw new TarError('ESIZE', `size ${e.size} differs from content length ${e.content.length}: ${showName(name)}`);
        }
        size = e.content.length;
    }
    else if (e.content === undefined) {
        if (e.size !== undefined && e.size !== 0)
            throw new TarError('ESIZE', `size ${e.size} without content: ${showName(name)}`);
        size = 0;
    }
    else {
        if (e.size === undefined)
            throw new TarError('ESIZE', `streamed content needs a size: ${showName(name)}`);
        size = e.size;
    }
    checkSize(size, name);
    return { path, name, type: 'file', mode, size, content: e.content, linkname: EMPTY, hint: e.hint };
}
const NONE = [];
/**
 * Collects bytes into fixed-size chunks; a full chunk is handed out and never touched again. Returns the chunks
 * completed by each call (usually none): arrays, not generators, because this runs for every header and every
 * content chunk of every entry.
 */
class Chunker {
    size;
    buf;
    pos = 0;
    constructor(size) {
        this.size = size;
        this.buf = Buffer.allocUnsafe(size);
    }
    write(data) {
        // Fast path: fits in the current chunk without completing it.
        if (this.pos + data.length < this.size) {
            this.buf.set(data, this.pos);
            this.pos += data.length;
            return NONE;
        }
        const full = [];
        let off = 0;
        while (off < data.length) {
            const n = Math.min(this.size - this.pos, data.length - off);
            this.buf.set(data.subarray(off, off + n), this.pos);
            this.pos += n;
            off += n;
            if (this.pos === this.size)
                full.push(this.take());
        }
        return full;
    }
    zeros(count) {
        if (this.pos + count < this.size) {
            this.buf.fill(0, this.pos, this.pos + count);
            this.pos += count;
            return NONE;
        }
        const full = [];
        while (count > 0) {
            const n = Math.min(this.size - this.pos, count);
            this.buf.fill(0, this.pos, this.pos + n);
            this.pos += n;
            count -= n;
            if (this.pos === this.size)
                full.push(this.take());
        }
        return full;
    }
    rest() {
        return this.pos > 0 ? this.buf.subarray(0, this.pos) : undefined;
    }
    /** Hands out the partial chunk (if any) and starts a new one. */
    flush() {
        if (this.pos === 0)
            return NONE;
        const part = this.buf.subarray(0, this.pos);
        this.buf = Buffer.allocUnsafe(this.size);
        this.pos = 0;
        return [part];
    }
    take() {
        const full = this.buf;
        this.buf = Buffer.allocUnsafe(this.size);
        this.pos = 0;
        return full;
    }
}
function writeOctal(h, offset, length, value) {
    // Digits written by hand, right to left: toString(8) + padStart + write cost more per header than all the rest.
    let v = value;
    for (let i = offset + length - 2; i >= offset; i--) {
        h[i] = 0x30 + (v % 8);
        v = Math.floor(v / 8);
    }
    if (v !== 0)
        throw new TarError('ESIZE', `value ${value} does not fit a ${length}-byte tar field`);
    h[offset + length - 1] = 0;
}
/** What every header has in common: uid/gid 0, magic "ustar\0" + version "00", empty uname/gname, devices 0. */
const HEADER_TEMPLATE = (() => {
    const h = Buffer.alloc(BLOCK);
    writeOctal(h, 108, 8, 0); // uid
    writeOctal(h, 116, 8, 0); // gid
    h.write('ustar\u000000', 257, 'ascii');
    writeOctal(h, 329, 8, 0); // devmajor
    writeOctal(h, 337, 8, 0); // devminor
    return h;
})();
function encodeHeader(f, h = Buffer.alloc(BLOCK)) {
    HEADER_TEMPLATE.copy(h);
    f.name.copy(h, 0, 0, 100);
    writeOctal(h, 100, 8, f.mode);
    writeOctal(h, 124, 12, f.size);
    writeOctal(h, 136, 12, f.mtime);
    h[156] = f.typeflag.charCodeAt(0);
    f.linkname.copy(h, 157, 0, 100);
    f.prefix.copy(h, 345, 0, 155);
    h.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += h[i];
    writeOctal(h, 148, 7, sum); // six digits and a NUL,
    h[155] = 0x20; // then a space
    return h;
}
function isAscii(b) {
    for (let i = 0; i < b.length; i++)
        if (b[i] >= 0x80)
            return false;
    return true;
}
/** USTAR name/prefix split with the longest prefix that fits (as Go's archive/tar does). */
function splitUstar(name) {
    if (name.length <= 100)
        return { prefix: EMPTY, name };
    for (let i = Math.min(155, name.length - 2); i > 0; i--) {
        if (name[i] !== SLASH)
            continue;
        if (name.length - i - 1 > 100)
            return undefined; // a shorter prefix only makes the rest longer
        return { prefix: name.subarray(0, i), name: name.subarray(i + 1) };
    }
    return undefined;
}
function paxRecord(key, value) {
    const base = Buffer.byteLength(key) + value.length + 3; // ' ', '=', '\n'
    let digits = 1;
    while (String(base + digits).length !== digits)
        digits++;
    return Buffer.concat([Buffer.from(`${base + digits} ${key}=`), value, Buffer.from('\n')]);
}
function asciiFallback(b, max) {
    const out = Buffer.from(b.subarray(0, max));
    for (let i = 0; i < out.length; i++)
        if ((out[i] ?? 0) >= 0x80)
            out[i] = 0x5f; // '_'
    return out;
}
function nameKind(b, nonUtf8) {
    if (isAscii(b))
        return 'ascii';
    if ((0,external_node_buffer_namespaceObject.isUtf8)(b))
        return 'utf8';
    if (nonUtf8 === 'reject')
        throw new TarError('EUTF8', `name is not valid UTF-8: ${showName(b)}`);
    return 'binary';
}
function encodeEntryHeaders(p, mtime, nonUtf8, scratch) {
    const records = [];
    let binaryRecord = false;
    // ASCII and raw non-UTF-8 names go into the USTAR fields when they fit; UTF-8 names always use PAX `path`
    // (as GNU tar and Go do), because PAX is where the standard defines a character set.
    const pathKind = nameKind(p.name, nonUtf8);
    let split = pathKind === 'utf8' ? undefined : splitUstar(p.name);
    if (!split) {
        records.push(paxRecord('path', p.name));
        binaryRecord ||= pathKind === 'binary';
        split = splitUstar(asciiFallback(p.name, p.name.length)) ?? {
            prefix: EMPTY,
            name: asciiFallback(p.name, 100),
        };
    }
    let linkname = p.linkname;
    const linkKind = nameKind(p.linkname, nonUtf8);
    if (linkKind === 'utf8' || p.linkname.length > 100) {
        records.unshift(paxRecord('linkpath', p.linkname)); // keys in byte order: hdrcharset, linkpath, path
        binaryRecord ||= linkKind === 'binary';
        linkname = asciiFallback(p.linkname, 100);
    }
    if (binaryRecord)
        records.unshift(paxRecord('hdrcharset', Buffer.from('BINARY')));
    const typeflag = p.type === 'dir' ? '5' : p.type === 'symlink' ? '2' : '0';
    // Explicit fields: an object spread here cost more than the rest of the header (measured).
    const fields = {
        name: split.name,
        prefix: split.prefix,
        mode: p.mode,
        size: p.size,
        mtime,
        typeflag,
        linkname,
    };
    // Common case: one header, encoded into a scratch block that the caller copies out at once.
    if (records.length === 0)
        return encodeHeader(fields, scratch);
    const header = encodeHeader(fields);
    const body = Buffer.concat(records);
    const paxHeader = encodeHeader({
        name: PAX_PSEUDO_NAME,
        prefix: EMPTY,
        mode: 0o644,
        size: body.length,
        mtime,
        typeflag: 'x',
        linkname: EMPTY,
    });
    const pad = (BLOCK - (body.length % BLOCK)) % BLOCK;
    return Buffer.concat([paxHeader, body, Buffer.alloc(pad), header]);
}
async function openContent(content) {
    return typeof content === 'function' ? await content() : content;
}
function resolveOptions(options) {
    const mtime = options.mtime ?? 0;
    if (!Number.isSafeInteger(mtime) || mtime < 0 || mtime > MAX_OCTAL_11) {
        throw new TarError('EENTRY', `invalid mtime ${mtime} (whole seconds since the epoch expected)`);
    }
    const chunkSize = options.chunkSize ?? 64 * 1024;
    if (!Number.isSafeInteger(chunkSize) || chunkSize < BLOCK)
        throw new TarError('EENTRY', `invalid chunkSize ${chunkSize}`);
    return {
        mtime,
        chunkSize,
        sorted: options.sorted ?? false,
        nonUtf8Names: options.nonUtf8Names ?? 'binary',
    };
}
async function sortedPrepared(entries) {
    const all = [];
    for await (const e of entries)
        all.push(prepare(e));
    all.sort((a, b) => Buffer.compare(a.name, b.name));
    return all;
}
/**
 * Encodes entries as a deterministic tar stream (see the file comment for the exact format), yielding
 * fixed-size chunks. File contents are streamed, one entry at a time.
 */
async function* tarChunks(entries, options = {}) {
    for await (const segment of tarSegments(entries, options))
        yield segment.chunk;
}
/**
 * {@link tarChunks} with the content of hinted entries in segments of their own, labelled with the hint. Without
 * hints the chunks are exactly those of tarChunks; a hint only splits chunks at the content's start and end.
 */
async function* tarSegments(entries, options = {}) {
    const opts = resolveOptions(options);
    const out = new Chunker(opts.chunkSize);
    // Per generator (not module-level): two tar streams may interleave at their yields.
    const scratch = Buffer.alloc(BLOCK);
    const seen = new Map(); // latin1 key = the exact path bytes
    let last;
    const order = (name, what) => {
        if (last !== undefined && Buffer.compare(last, name) >= 0) {
            throw new TarError('ENOTSORTED', `tar entries not in order: ${what} ${showName(name)} after ${showName(last)} (sort by tar name bytes, directories with a trailing "/")`);
        }
        last = name;
    };
    let checkedParent; // all ancestors of the previous entry exist as directories
    // Sorted input is prepared as it streams (no wrapping generator: it runs once per entry).
    const sorted = opts.sorted ? undefined : await sortedPrepared(entries);
    for await (const item of sorted ?? entries) {
        const p = sorted ? item : prepare(item);
        // Parents first: any ancestor not seen yet is emitted as a directory.
        const parentEnd = p.path.lastIndexOf(SLASH);
        const parentPath = p.path.subarray(0, Math.max(parentEnd, 0));
        const sameParent = checkedParent !== undefined && parentPath.equals(checkedParent);
        for (let i = sameParent ? -1 : p.path.indexOf(SLASH); i !== -1; i = p.path.indexOf(SLASH, i + 1)) {
            const parent = p.path.subarray(0, i);
            const key = parent.toString('latin1');
            const kind = seen.get(key);
            if (kind === 'dir')
                continue;
            if (kind !== undefined) {
                throw new TarError('ENOTDIR', `parent ${showName(parent)} of ${showName(p.name)} is a ${kind}, not a directory`);
            }
            const dir = {
                path: parent,
                name: p.name.subarray(0, i + 1), // includes the '/'
                type: 'dir',
                mode: 0o755,
                size: 0,
                content: undefined,
                linkname: EMPTY,
            };
            order(dir.name, 'implied parent directory');
            seen.set(key, 'dir');
            for (const chunk of out.write(encodeEntryHeaders(dir, opts.mtime, opts.nonUtf8Names, scratch)))
                yield { chunk };
        }
        checkedParent = parentPath;
        const key = p.path.toString('latin1');
        // An entry sorting before the previous one is an order error even if its path was seen (e.g. a directory
        // listed after its children, which were given an implied parent).
        if (seen.has(key) && (last === undefined || Buffer.compare(last, p.name) <= 0)) {
            throw new TarError('EDUPLICATE', `duplicate path ${showName(p.path)}`);
        }
        order(p.name, 'entry');
        seen.set(key, p.type);
        for (const chunk of out.write(encodeEntryHeaders(p, opts.mtime, opts.nonUtf8Names, scratch)))
            yield { chunk };
        if (p.type !== 'file' || p.content === undefined)
            continue;
        const hint = p.size > 0 ? p.hint : undefined;
        if (hint !== undefined)
            for (const chunk of out.flush())
                yield { chunk };
        if (p.content instanceof Uint8Array) {
            for (const chunk of out.write(p.content))
                yield { chunk, hint };
        }
        else {
            let written = 0;
            // for await takes sync iterables too: no wrapping generator per entry.
            for await (const chunk of await openContent(p.content)) {
                if (!(chunk instanceof Uint8Array)) {
                    throw new TarError('EENTRY', `content of ${showName(p.name)} yielded a non-byte chunk (string or object mode?)`);
                }
                written += chunk.length;
                if (written > p.size) {
                    throw new TarError('ESIZE', `content of ${showName(p.name)} is longer than its size ${p.size}`);
                }
                for (const full of out.write(chunk))
                    yield { chunk: full, hint };
            }
            if (written !== p.size) {
                throw new TarError('ESIZE', `content of ${showName(p.name)} has ${written} bytes, size says ${p.size}`);
            }
        }
        if (hint !== undefined)
            for (const chunk of out.flush())
                yield { chunk, hint };
        for (const chunk of out.zeros((BLOCK - (p.size % BLOCK)) % BLOCK))
            yield { chunk };
    }
    for (const chunk of out.zeros(2 * BLOCK))
        yield { chunk };
    const rest = out.rest();
    if (rest)
        yield { chunk: rest };
}
/** {@link tarChunks} as a byte stream. */
function tar_createTarStream(entries, options = {}) {
    return Readable.from(tarChunks(entries, options), { objectMode: false });
}

;// CONCATENATED MODULE: ./src/oci/layer.ts
// Layer builder: tar -> gzip -> temp file (or memory), hashing the tar (diff_id) and the gzip (digest) in one pass
// (src/oci/README.md, "gzip"). gzip level 1 by default: 2.4x faster than level 6 for ~7% more bytes, and what
// go-containerregistry uses. node:zlib writes a fixed gzip header (MTIME 0, no FNAME, OS 03), so the digest depends
// only on the tar bytes, the level and the zlib build (Node upgrades may change it; reuse is keyed on diff_id).










/** Bumped whenever tar.ts changes the bytes it writes for the same entries (part of {@link layerRecipe}). */
const TAR_FORMAT_VERSION = 1;
const GZIP_CHUNK = 64 * 1024;
function makeLayer(fields) {
    const { path, bytes } = fields;
    return {
        ...fields,
        open: () => bytes !== undefined
            ? external_node_stream_namespaceObject.Readable.from([bytes], { objectMode: false })
            : (0,external_node_fs_namespaceObject.createReadStream)(path ?? '', { highWaterMark: 1024 * 1024 }),
        descriptor(annotations) {
            const d = { mediaType: fields.mediaType, digest: fields.digest, size: fields.size };
            if (annotations && Object.keys(annotations).length > 0)
                d.annotations = { ...annotations };
            return d;
        },
        dispose: async () => {
            if (path !== undefined)
                await (0,promises_namespaceObject.rm)(path, { force: true });
        },
    };
}
async function writeAll(fh, chunk) {
    let off = 0;
    while (off < chunk.length) {
        const { bytesWritten } = await fh.write(chunk, off, chunk.length - off);
        off += bytesWritten;
    }
}
/** Compresses an existing tar stream into a layer (see {@link buildLayer}). */
async function compressLayer(tar, options = {}) {
    const level = options.level ?? 1;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`invalid gzip level ${level}`);
    const tarHash = createHash('sha256');
    let uncompressedSize = 0;
    const gzip = createGzip({ level, chunkSize: GZIP_CHUNK });
    const fed = pipeline(tar, async function* hashTar(source) {
        for await (const chunk of source) {
            tarHash.update(chunk);
            uncompressedSize += chunk.length;
            yield chunk;
        }
    }, gzip, { signal: options.signal });
    const [kept] = await Promise.all([keepBlob(gzip, options), fed]);
    return makeLayer({
        diffId: `sha256:${tarHash.digest('hex')}`,
        digest: kept.digest,
        size: kept.size,
        uncompressedSize,
        mediaType: options.mediaType ?? MediaType.ociLayerGzip,
        ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes }),
    });
}
/** Keeps a blob in memory, or in a temp file once it exceeds the memory threshold; hashes it on the way. */
async function keepBlob(source, options) {
    const threshold = options.memoryThreshold ?? 4 * 1024 * 1024;
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    const memory = [];
    let fh;
    let path;
    try {
        for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            if (fh) {
                await writeAll(fh, chunk);
                continue;
            }
            memory.push(chunk);
            if (size > threshold) {
                path = (0,external_node_path_namespaceObject.join)(options.tmpDir ?? (0,external_node_os_namespaceObject.tmpdir)(), `layer-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}.tar.gz`);
                fh = await (0,promises_namespaceObject.open)(path, 'wx', 0o600);
                for (const m of memory.splice(0))
                    await writeAll(fh, m);
            }
        }
        await fh?.close();
        fh = undefined;
    }
    catch (err) {
        await fh?.close().catch(() => undefined);
        if (path !== undefined)
            await (0,promises_namespaceObject.rm)(path, { force: true });
        throw err;
    }
    const digest = `sha256:${hash.digest('hex')}`;
    return path !== undefined ? { digest, size, path } : { digest, size, bytes: Buffer.concat(memory) };
}
/**
 * Builds a reproducible gzip layer from tar entries (tar.ts), streaming file contents, and keeps it in memory or a
 * temp file. Same bytes as {@link streamLayer} with the same options.
 */
async function buildLayer(entries, options = {}) {
    const { stream, result } = streamLayer(entries, options);
    let kept;
    try {
        kept = await keepBlob(stream, options);
    }
    catch (error) {
        stream.destroy();
        await result.catch(() => undefined);
        throw error;
    }
    const digests = await result;
    return makeLayer({
        ...digests,
        ...(kept.path !== undefined ? { path: kept.path } : { bytes: kept.bytes }),
    });
}
/**
 * Tar → gzip as a stream, hashing the tar (diff_id) and the gzip (digest) on the way, so the layer can be uploaded
 * or written while it is being built and no temp file is needed. Nothing is buffered beyond the stream's
 * high-water marks: a slow consumer slows the build down.
 */
function streamLayer(entries, options = {}) {
    const level = options.level ?? 1;
    if (!Number.isInteger(level) || level < 0 || level > 9)
        throw new Error(`invalid gzip level ${level}`);
    const tarHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const gzHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let uncompressedSize = 0;
    let crc = 0;
    let size = 0;
    // Raw deflate framed as gzip by hand: node's params() (the level switch) only works on deflate streams, and
    // zlib's gzip wrapper is just this header and trailer, so the bytes are exactly createGzip's.
    const deflate = (0,external_node_zlib_namespaceObject.createDeflateRaw)({ level, chunkSize: GZIP_CHUNK });
    const out = new external_node_stream_namespaceObject.PassThrough({ highWaterMark: GZIP_CHUNK * 4 });
    let finished = false;
    const emit = (chunk) => {
        gzHash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) {
            deflate.pause();
            out.once('drain', () => deflate.resume());
        }
    };
    const result = new Promise((resolve, reject) => {
        const fail = (error) => {
            reject(error);
            deflate.destroy();
            if (!out.destroyed)
                out.destroy(error);
        };
        emit(gzipHeader(level));
        deflate.on('data', emit);
        let fed = Promise.resolve();
        deflate.once('end', () => {
            fed.then(() => {
                const trailer = Buffer.alloc(8);
                trailer.writeUInt32LE(crc >>> 0, 0);
                trailer.writeUInt32LE(uncompressedSize % 2 ** 32, 4);
                emit(trailer);
                finished = true;
                out.end();
                resolve({
                    diffId: `sha256:${tarHash.digest('hex')}`,
                    digest: `sha256:${gzHash.digest('hex')}`,
                    size,
                    uncompressedSize,
                    mediaType: options.mediaType ?? types_MediaType.ociLayerGzip,
                });
            }, reject);
        });
        deflate.once('error', fail);
        // The consumer gave up (an upload failed): stop reading the sources.
        out.once('close', () => {
            if (!finished)
                fail(new Error('layer stream closed before its end'));
        });
        fed = feed(deflate, tarSegments(entries, options), level, options, (chunk) => {
            tarHash.update(chunk);
            crc = (0,external_node_zlib_namespaceObject.crc32)(chunk, crc);
            uncompressedSize += chunk.length;
            options.onTarBytes?.(chunk.length);
        }).catch((error) => {
            fail(error instanceof Error ? error : new Error(String(error)));
            throw error;
        });
        fed.catch(() => undefined);
    });
    result.catch(() => undefined);
    return { stream: out, result };
}
/** zlib's gzip header: no name, MTIME 0, XFL from the level (4 fastest, 2 best), OS 3 (Unix). */
function gzipHeader(level) {
    const xfl = level === 9 ? 2 : level < 2 ? 4 : 0;
    return Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, xfl, 0x03]);
}
/** Resolves on 'drain', or when the stream closes first (the next write then sees it destroyed). */
function drained(stream) {
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
    });
}
async function feed(deflate, segments, level, options, onChunk) {
    let current = level;
    try {
        for await (const { chunk, hint } of segments) {
            if (deflate.destroyed)
                throw new Error('layer stream closed before its end');
            onChunk(chunk);
            const want = hint !== undefined && hint === options.storeHint ? 0 : level;
            if (want !== current) {
                // Every byte written so far must be compressed with the old level before the switch (node's params()
                // flushes, then changes the parameters in the flush callback; writes queued meanwhile would race it).
                await new Promise((resolve) => deflate.params(want, external_node_zlib_namespaceObject.constants.Z_DEFAULT_STRATEGY, resolve));
                current = want;
            }
            if (!deflate.write(chunk))
                await drained(deflate);
        }
    }
    catch (error) {
        await segments.return(undefined);
        throw error;
    }
    deflate.end();
}
// Magic numbers of formats that are compressed already (deflate or stronger): gzip level 1 spends about twice the
// CPU on such bytes as on text and saves nothing. Images (PNG, JPEG, GIF, WebP), archives and compressed streams.
const compressedMagic = (/* unused pure expression or super */ null && ([
    [0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]], // PNG
    [0, [0xff, 0xd8, 0xff]], // JPEG
    [0, [0x47, 0x49, 0x46, 0x38]], // GIF8
    [8, [0x57, 0x45, 0x42, 0x50]], // RIFF....WEBP
    [0, [0x50, 0x4b, 0x03, 0x04]], // zip (jar, docx, …)
    [0, [0x1f, 0x8b]], // gzip
    [0, [0x28, 0xb5, 0x2f, 0xfd]], // zstd
    [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]], // xz
    [0, [0x42, 0x5a, 0x68]], // bzip2
    [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]], // 7z
    [0, [0x77, 0x4f, 0x46, 0x32]], // woff2
]));
/** How many leading bytes {@link isCompressedFormat} looks at. */
const COMPRESSED_MAGIC_BYTES = 12;
/** Whether content starting with `head` is in a format that is compressed already. */
function isCompressedFormat(head) {
    return compressedMagic.some(([offset, magic]) => head.length >= offset + magic.length && magic.every((b, i) => head[offset + i] === b));
}
/**
 * A short description of everything besides the entries that decides a layer's diff_id, for the
 * `io.package-storage.layer.recipe` annotation: a layer is only reused when source and recipe both match.
 */
function layerRecipe(options = {}) {
    const parts = [`tar=${TAR_FORMAT_VERSION}`, `mtime=${options.mtime ?? 0}`];
    if (options.extra !== undefined)
        parts.push(options.extra);
    return parts.join(';');
}

;// CONCATENATED MODULE: ./src/publish-image/content.ts
// Layer contents straight from git objects: a package version's tree becomes /packages/<channel>/<name>/<version>/.
// Blobs missing from a trees-only clone are fetched in one request before building, never one by one. Each file
// is one `git cat-file` request, streamed into the tar (blob-stream.ts, in a layer worker: layer-workers.ts).



/** Where a channel's version directories are in the repository (`packages/` for the default root). */
function rootPrefix(packagesRoot) {
    const root = packagesRoot.replace(/^\.\/?/, '').replace(/\/+$/, '');
    return root === '' ? '' : `${root}/`;
}
/**
 * Files under the given version directories at `commit`, from one `git ls-tree -r -z` (trees only: works in a
 * trees-only clone, and git does the walking instead of one object read per tree). In byte order of the paths.
 */
async function listFiles(repoDir, commit, prefix, dirs, onFile) {
    if (dirs.length === 0)
        return;
    const wanted = new Set(dirs);
    const record = (entry) => {
        const tab = entry.indexOf(9);
        const [mode, , oid] = entry.subarray(0, tab).toString('latin1').split(' ');
        const path = entry.subarray(tab + 1).toString('utf8');
        // The version directory: `<root>/` then two more path components.
        const first = path.indexOf('/', prefix.length);
        const second = first === -1 ? -1 : path.indexOf('/', first + 1);
        const dir = second === -1 ? undefined : path.slice(0, second + 1);
        if (dir === undefined || !wanted.has(dir))
            return;
        const where = path.slice(0, dir.length - 1);
        if (mode === '120000')
            throw new errors_OperationError(`${where} contains a symbolic link (${path}); links are not put into images`);
        if (mode === '160000')
            throw new errors_OperationError(`${where} contains a submodule (${path}); submodules are not put into images`);
        onFile(dir, path.slice(dir.length), mode, oid);
    };
    // Parsed as it arrives: a whole channel's listing (128k files) is never held at once.
    let rest = Buffer.alloc(0);
    let failure;
    await git_gitRaw(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', commit, '--', ...dirs], {
        cwd: repoDir,
        onStdout: (chunk) => {
            if (failure !== undefined)
                return;
            const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
            let offset = 0;
            try {
                for (let nul = data.indexOf(0, offset); nul !== -1; nul = data.indexOf(0, offset)) {
                    record(data.subarray(offset, nul));
                    offset = nul + 1;
                }
            }
            catch (error) {
                failure = error instanceof Error ? error : new Error(String(error));
            }
            rest = Buffer.from(data.subarray(offset));
        },
    });
    if (failure !== undefined)
        throw failure;
    if (rest.length > 0)
        record(rest);
}
/** Every file of the layer's versions (at `commit`, where the plan read them), with image paths. */
async function layerFiles(repoDir, commit, packagesRoot, layer) {
    const prefix = rootPrefix(packagesRoot);
    const image = new Map(layer.versions.map((v) => [
        `${prefix}${v.name}/${v.version}/`,
        `packages/${layer.channel}/${v.name}/${v.version}/`,
    ]));
    const files = [];
    await listFiles(repoDir, commit, prefix, [...image.keys()], (dir, path, mode, oid) => files.push({ path: `${image.get(dir)}${path}`, mode, oid }));
    return files;
}
/**
 * The files of each version (paths relative to its directory) at `commit`, one version at a time: `onVersion` gets
 * a version's complete list before the next one is collected, so memory holds one version, not the channel.
 */
async function versionFiles(repoDir, commit, packagesRoot, versions, onVersion) {
    const prefix = rootPrefix(packagesRoot);
    const dirs = versions.map((v) => `${prefix}${v.name}/${v.version}/`);
    const index = new Map(dirs.map((d, i) => [d, i]));
    let current;
    let files = [];
    const seen = new Set();
    await listFiles(repoDir, commit, prefix, dirs, (dir, path, _mode, oid) => {
        if (dir !== current) {
            if (current !== undefined)
                onVersion(index.get(current), files);
            current = dir;
            files = [];
            seen.add(dir);
        }
        files.push({ path, blob: oid });
    });
    if (current !== undefined)
        onVersion(index.get(current), files);
    // A version without any file (only possible for an empty tree) still has an identity.
    for (const [d, i] of index)
        if (!seen.has(d))
            onVersion(i, []);
}
/** Files in tar order: the byte order of their paths (git's order within a tree, across versions too). */
function sortForTar(files) {
    const keyed = files.map((f) => ({ f, key: Buffer.from(f.path, 'utf8') }));
    keyed.sort((a, b) => Buffer.compare(a.key, b.key));
    return keyed.map((k) => k.f);
}
/**
 * Fetches, in one request, the blobs under `trees` (those in `only`, when given) that a partial (trees-only) clone
 * lacks; a no-op in a full clone.
 * Without this every missing blob would be a separate lazy fetch.
 */
async function prefetchBlobs(repoDir, trees, only) {
    if (trees.length === 0)
        return 0;
    const promisor = await git_gitRaw(['config', '--get', 'remote.origin.promisor'], {
        cwd: repoDir,
        okCodes: [1],
    });
    if (promisor.stdout.toString('utf8').trim() !== 'true')
        return 0;
    const listing = await git_gitRaw(['rev-list', '--objects', '--no-object-names', '--missing=print', '--stdin'], {
        cwd: repoDir,
        input: `${trees.join('\n')}\n`,
    });
    const missing = listing.stdout
        .toString('utf8')
        .split('\n')
        .filter((l) => l.startsWith('?'))
        .map((l) => l.slice(1))
        .filter((oid) => only === undefined || only.has(oid));
    if (missing.length === 0)
        return 0;
    await git_gitRaw([
        '-c',
        'fetch.negotiationAlgorithm=noop',
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        '--filter=blob:none',
        '--stdin',
        'origin',
    ], { cwd: repoDir, input: `${missing.join('\n')}\n` });
    return missing.length;
}
/**
 * The registry configuration of a channel image: the branch's deployment/package-registry.yml when it has one, with
 * `package_paths` set to the served channels, most stable first ("first package found wins").
 */
function registryConfig(branchFile, packagePaths) {
    let config = {};
    if (branchFile !== undefined) {
        let parsed;
        try {
            parsed = load(branchFile, { maxAliases: 0 });
        }
        catch (error) {
            throw new errors_OperationError(`deployment/package-registry.yml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
            config = { ...parsed };
    }
    config.package_paths = [...packagePaths];
    return `# Generated by package-storage publish-image. First package found wins: most stable channel first.\n${dump(config, { lineWidth: -1, sortKeys: true })}`;
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/publish-image/layer-workers.ts
// Package layers built on worker threads. A layer's whole build (its own `git cat-file`, the tar, the deflate with
// its level switches, the CRC and both SHA-256s) runs in a worker (layer-worker.ts), so builds run on all cores and
// this thread is left with the uploads. The worker sends the compressed bytes back as transferred buffers, at most
// a few MB ahead of what the consumer took (credit given back as chunks are read), so a slow upload slows the build
// and memory stays bounded. What comes out is byte for byte what streamLayer gives in this thread: the worker runs
// that same code.






/** Compressed chunks a worker may have sent that the consumer has not read yet (each up to CHUNK_BYTES). */
const CREDIT = 8;
/** The worker joins deflate's 64 KB output into chunks of about this size (fewer messages). */
const CHUNK_BYTES = 256 * 1024;
const YOUNG_GENERATION_MB = 4;
/** The worker script beside this module: layer-worker.ts from source, layer-worker.js beside a bundle. */
function workerScript() {
    const here = (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url);
    return (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(here), `layer-worker${(0,external_node_path_namespaceObject.extname)(here)}`);
}
let shared;
/**
 * The process's layer workers, with room for `size` builds at once: one set for every publish of the process, so
 * that a run publishing several times (the tests; a release, then a channel) starts each worker once.
 */
function layerWorkers(size) {
    shared ??= new LayerWorkers(size);
    shared.grow(size);
    return shared;
}
/**
 * Layer workers, started when first needed and reused for every layer. Each runs one layer at a time; builds beyond
 * `size` wait for a free worker. An idle worker does not keep the process alive.
 */
class LayerWorkers {
    size;
    script;
    slots = [];
    waiting = [];
    nextId = 1;
    closed = false;
    constructor(size = (0,external_node_os_namespaceObject.availableParallelism)(), script = workerScript()) {
        this.size = size;
        this.script = script;
        this.grow(size);
    }
    /** Room for at least `size` builds at once (a run asking for more layers side by side). */
    grow(size) {
        if (!Number.isInteger(size) || size < 1)
            throw new Error(`invalid number of layer workers: ${size}`);
        this.size = Math.max(this.size, size);
    }
    /** A layer built on a worker, as {@link streamLayer} gives it; destroying the stream stops the build. */
    build(job, o = {}) {
        const id = this.nextId++;
        let slot;
        let requested = false;
        let owed = 0;
        let settle;
        const result = new Promise((resolve, reject) => (settle = { resolve, reject }));
        result.catch(() => undefined);
        const post = (message) => slot?.worker.postMessage(message);
        const fail = (error) => {
            settle?.reject(error);
            settle = undefined;
            if (!stream.destroyed)
                stream.destroy(error);
        };
        const running = {
            id,
            onMessage: (m) => {
                if (m.type === 'data') {
                    if (m.tarBytes > 0)
                        o.onTarBytes?.(m.tarBytes);
                    if (stream.destroyed)
                        return;
                    if (stream.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength)))
                        post({ type: 'credit', id, chunks: 1 });
                    else
                        owed++;
                    return;
                }
                const done = slot;
                slot = undefined;
                if (done)
                    this.release(done);
                if (m.type === 'done') {
                    if (m.tarBytes > 0)
                        o.onTarBytes?.(m.tarBytes);
                    settle?.resolve(m.digests);
                    settle = undefined;
                    if (!stream.destroyed)
                        stream.push(null);
                    return;
                }
                const error = m.operational ? new errors_OperationError(m.message) : new Error(m.message);
                if (!m.operational)
                    error.name = m.name;
                fail(error);
            },
            onCrash: (error) => {
                slot = undefined;
                fail(error);
            },
        };
        const stream = new external_node_stream_namespaceObject.Readable({
            highWaterMark: CHUNK_BYTES,
            read: () => {
                if (!requested) {
                    requested = true;
                    if (this.closed)
                        return fail(new Error('the layer workers were closed'));
                    this.assign(running, (s) => {
                        slot = s;
                        post({ type: 'build', id, ...job });
                    });
                }
                else if (owed > 0) {
                    post({ type: 'credit', id, chunks: owed });
                    owed = 0;
                }
            },
            destroy: (error, callback) => {
                // The consumer gave up (an upload failed, another layer failed): the worker stops reading git, and its
                // slot is free once it has said so. A build still waiting for a worker just leaves the queue.
                if (slot)
                    post({ type: 'stop', id });
                else
                    this.unqueue(running);
                settle?.reject(error ?? new Error('layer stream closed before its end'));
                settle = undefined;
                callback(error);
            },
        });
        return { stream, result };
    }
    /** Stops every worker; builds still running or waiting fail. */
    async close() {
        this.closed = true;
        const slots = this.slots.splice(0);
        const gone = new Error('the layer workers were closed');
        for (const w of this.waiting.splice(0))
            w.job.onCrash(gone);
        for (const s of slots)
            s.job?.onCrash(gone);
        await Promise.all(slots.map((s) => s.worker.terminate()));
    }
    /** Gives `job` a free worker now, a new one while there are fewer than `size`, or the next one freed. */
    assign(job, start) {
        const free = this.slots.find((s) => s.job === undefined) ??
            (this.slots.length < this.size ? this.spawn() : undefined);
        if (!free) {
            this.waiting.push({ job, start });
            return;
        }
        this.occupy(free, job);
        start(free);
    }
    occupy(slot, job) {
        slot.job = job;
        slot.worker.ref();
    }
    unqueue(job) {
        const i = this.waiting.findIndex((w) => w.job === job);
        if (i !== -1)
            this.waiting.splice(i, 1);
    }
    release(slot) {
        slot.job = undefined;
        if (!this.slots.includes(slot))
            return;
        const next = this.waiting.shift();
        if (!next) {
            slot.worker.unref();
            return;
        }
        this.occupy(slot, next.job);
        next.start(slot);
    }
    spawn() {
        // The worker's errors come back as messages; its stdout and stderr stay piped to ours (Node's own warnings):
        // captured and never read, they would fill up and stall the worker (seen: a publish that never ended). A small
        // young generation: nearly everything a build allocates is a short-lived buffer (git's reads, deflate's
        // output), freed sooner by more frequent scavenges (at production scale: peak RSS 298 MB with V8's default,
        // 242 MB with this, same time).
        const worker = new external_node_worker_threads_namespaceObject.Worker(this.script, {
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
        });
        const slot = { worker, job: undefined };
        this.slots.push(slot);
        worker.on('message', (m) => {
            if (slot.job?.id === m.id)
                slot.job.onMessage(m);
        });
        const crash = (error) => {
            const i = this.slots.indexOf(slot);
            if (i === -1)
                return;
            this.slots.splice(i, 1);
            const job = slot.job;
            slot.job = undefined;
            job?.onCrash(error);
            // A build waiting for a worker gets a fresh one.
            const next = this.waiting.shift();
            if (next) {
                const fresh = this.spawn();
                this.occupy(fresh, next.job);
                next.start(fresh);
            }
        };
        worker.on('error', (error) => crash(new errors_OperationError(`a layer worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
            if (!this.closed)
                crash(new errors_OperationError(`a layer worker exited (code ${code})`));
        });
        return slot;
    }
}

;// CONCATENATED MODULE: ./src/publish-image/layers.ts
// Stage 2: build or reuse every layer the planned images need, each once. A layer whose source (its versions and
// trees) and recipe match a layer of a previous image of the repository is reused as it is: no git reads, no
// upload. The others are built side by side, package layers on worker threads (layer-workers.ts), each streamed
// straight into its destinations as it is compressed:
// the registry (one chunked upload, digest given at the end), the OCI layout's blob directory, and a temp file
// only when an archive needs the bytes again. A failed upload rebuilds the layer from git.












/**
 * Everything besides the entries that decides a layer's diff_id: a layer built by another recipe is never reused.
 * (Storing already-compressed files changes only the gzip bytes, not the tar, so it needs no new recipe.)
 */
const recipe = layerRecipe({ mtime: 0, extra: 'package-storage=1' });
const STORE_HINT = 'compressed';
/** gzip level 1: see src/oci/layer.ts. */
const LEVEL = 1;
/** Builds or reuses every layer of `jobs` (each source once). */
async function resolveLayers(ctx, jobs) {
    const wanted = new Map();
    for (const job of jobs)
        for (const w of job.layers)
            if (!wanted.has(w.source))
                wanted.set(w.source, w);
    const layers = new Map();
    const toBuild = [];
    for (const w of wanted.values()) {
        const reused = reuse(ctx.previous, w);
        if (reused)
            layers.set(w.source, reused);
        else
            toBuild.push(w);
    }
    const temps = [];
    const set = {
        layers,
        dispose: async () => {
            await Promise.all(temps.map((t) => (0,promises_namespaceObject.rm)(t, { force: true })));
        },
    };
    if (toBuild.length === 0)
        return set;
    const fetched = await prefetchBlobs(ctx.repoDir, toBuild.flatMap((w) => w.plan?.versions.map((v) => v.tree) ?? []));
    if (fetched > 0)
        ctx.log(`fetched ${fetched} missing blobs in one request`);
    ctx.progress.start(toBuild.length);
    // Largest first, so the long builds start early and the small ones fill the gaps at the end.
    const order = [...toBuild].sort((a, b) => weight(b) - weight(a));
    const abort = new AbortController();
    // Started as layers need them (none for a run that builds only the configuration layer), then kept for the
    // process's next publish.
    const workers = layerWorkers(Math.max(1, Math.min(ctx.concurrency, order.filter((w) => w.plan).length)));
    try {
        await pool(order.map((w) => async () => {
            const layer = w.plan ? await streamed(ctx, w, abort.signal, temps, workers) : await small(ctx, w);
            layers.set(w.source, layer);
            ctx.progress.layerBuilt();
        }), ctx.concurrency, abort);
    }
    catch (error) {
        await set.dispose();
        throw error;
    }
    return set;
}
function weight(w) {
    return w.plan?.versions.length ?? 0;
}
function reuse(previous, w) {
    for (const p of previous) {
        const found = findReusableLayer(p, { source: w.source, recipe });
        if (!found)
            continue;
        const descriptor = { digest: found.digest, size: found.size, mediaType: found.mediaType };
        return {
            diffId: found.diffId,
            digest: found.digest,
            size: found.size,
            mediaType: found.mediaType,
            annotations: found.annotations,
            createdBy: w.createdBy,
            comment: w.source,
            origin: 'reused',
            inTargets: p.target !== undefined ? [p.target] : [],
            uploadedBytes: 0,
            blob: { digest: found.digest, size: found.size, open: () => p.fetch(descriptor) },
        };
    }
    return undefined;
}
function ready(w, d, o) {
    return {
        diffId: d.diffId,
        digest: d.digest,
        size: d.size,
        mediaType: d.mediaType,
        annotations: layerSourceAnnotations(w.source, recipe),
        createdBy: w.createdBy,
        comment: w.source,
        origin: 'built',
        inTargets: o.inTargets,
        uploadedBytes: o.uploadedBytes,
        ...(o.blob ? { blob: o.blob } : {}),
    };
}
/** The registry configuration layer: a few hundred bytes, built in memory and uploaded unless present. */
async function small(ctx, w) {
    const bytes = Buffer.from(w.configText ?? '');
    const layer = await buildLayer([{ path: 'package-registry/config.yml', type: 'file', size: bytes.length, content: bytes }], { level: 1 });
    let uploadedBytes = 0;
    if (ctx.push) {
        const outcome = await ctx.push.client.uploadBlob(ctx.push.repository, layer, () => layer.open());
        if (outcome === 'uploaded') {
            uploadedBytes = layer.size;
            ctx.progress.uploaded();
        }
    }
    const blob = { digest: layer.digest, size: layer.size, open: () => layer.open() };
    return ready(w, layer, { blob, uploadedBytes, inTargets: ctx.push ? [ctx.push.target] : [] });
}
/** A package layer: built from git and streamed into its destinations as it is compressed. */
async function streamed(ctx, w, signal, temps, workers) {
    const files = sortForTar(await layerFiles(ctx.repoDir, w.commit, ctx.reader.packagesRoot, w.plan));
    const fileDir = ctx.layoutDir
        ? (0,external_node_path_namespaceObject.join)(ctx.layoutDir, 'blobs', 'sha256')
        : ctx.keep
            ? (ctx.tmpDir ?? (0,external_node_os_namespaceObject.tmpdir)())
            : undefined;
    const file = fileDir ? new BlobFile(fileDir, ctx.layoutDir !== undefined) : undefined;
    let current;
    const stop = () => {
        current?.layer.stream.destroy(new errors_OperationError('stopped: another layer failed'));
    };
    signal.addEventListener('abort', stop);
    // One attempt: a fresh build from git (never a replay from memory), teed into the file when there is one.
    const attempt = () => {
        if (current)
            ctx.progress.retracted(current.tar, current.out);
        const state = {
            tar: 0,
            out: 0,
            layer: workers.build({ repoDir: ctx.repoDir, files, level: LEVEL, storeHint: STORE_HINT }, {
                onTarBytes: (n) => {
                    state.tar += n;
                    ctx.progress.tar(n);
                },
            }),
        };
        current = state;
        const stream = external_node_stream_namespaceObject.Readable.from(counted(state.layer.stream, file, (n) => {
            state.out += n;
            ctx.progress.compressed(n);
        }));
        return { stream, digest: state.layer.result };
    };
    try {
        let uploadedBytes = 0;
        if (ctx.push) {
            const sent = await ctx.push.client.uploadStream(ctx.push.repository, attempt);
            uploadedBytes = sent.size;
            ctx.progress.uploaded();
        }
        else {
            for await (const chunk of attempt().stream)
                void chunk;
        }
        const digests = await current.layer.result;
        if (uploadedBytes > 0 && digests.size !== uploadedBytes)
            throw new errors_OperationError(`layer ${w.source}: ${uploadedBytes} bytes uploaded, ${digests.size} built`);
        let blob;
        if (file) {
            const path = await file.commit(digests.digest);
            if (!ctx.layoutDir)
                temps.push(path);
            blob = { digest: digests.digest, size: digests.size, open: () => (0,external_node_fs_namespaceObject.createReadStream)(path) };
        }
        return ready(w, digests, { blob, uploadedBytes, inTargets: ctx.push ? [ctx.push.target] : [] });
    }
    catch (error) {
        await file?.abort();
        throw error;
    }
    finally {
        signal.removeEventListener('abort', stop);
    }
}
/** Passes the compressed stream on, writing it to `file` first (with backpressure from both). */
async function* counted(stream, file, onBytes) {
    await file?.begin();
    for await (const chunk of stream) {
        await file?.write(chunk);
        onBytes(chunk.length);
        yield chunk;
    }
}
/**
 * A blob being written under a temp name, renamed once its digest is known: into a layout's blob directory
 * (`blobs/sha256/<hex>`, where the layout writer then finds it), or kept as a temp file for an archive.
 */
class BlobFile {
    dir;
    contentAddressed;
    fh;
    path;
    constructor(dir, contentAddressed) {
        this.dir = dir;
        this.contentAddressed = contentAddressed;
    }
    async begin() {
        await this.abort();
        await (0,promises_namespaceObject.mkdir)(this.dir, { recursive: true });
        this.path = (0,external_node_path_namespaceObject.join)(this.dir, `.partial-${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}`);
        this.fh = await (0,promises_namespaceObject.open)(this.path, 'wx', 0o600);
    }
    async write(chunk) {
        let off = 0;
        while (off < chunk.length)
            off += (await this.fh.write(chunk, off)).bytesWritten;
    }
    async commit(digest) {
        await this.fh?.close();
        this.fh = undefined;
        const from = this.path;
        this.path = undefined;
        if (!this.contentAddressed)
            return from;
        const to = (0,external_node_path_namespaceObject.join)(this.dir, digestHex(digest));
        await (0,promises_namespaceObject.rename)(from, to);
        return to;
    }
    async abort() {
        await this.fh?.close().catch(() => undefined);
        this.fh = undefined;
        if (this.path)
            await (0,promises_namespaceObject.rm)(this.path, { force: true });
        this.path = undefined;
    }
}
/** Runs `jobs` with at most `limit` at a time; the first failure aborts the rest and is thrown. */
async function pool(jobs, limit, abort) {
    let next = 0;
    let failure;
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, async () => {
        while (next < jobs.length && !failure) {
            const job = jobs[next++];
            try {
                await job();
            }
            catch (error) {
                failure ??= { error };
                abort.abort();
            }
        }
    }));
    if (failure)
        throw failure.error;
}

;// CONCATENATED MODULE: ./src/oci/archive.ts
// Air-gapped image archive: ONE uncompressed tar that is both an OCI image layout and a `docker save` archive
// (the layout Docker >= 25 writes; src/oci/README.md, "Archive"):
//
//   blobs/sha256/<hex>   every manifest, config and layer blob, layers kept gzip-compressed (registry bytes)
//   index.json           one entry per image and tag: `io.containerd.image.name` = `<repository>:<tag>` (containerd
//                        image store, Docker >= 25), `org.opencontainers.image.ref.name` = `<tag>` (OCI layout; the
//                        tag only, as containerd's exporter writes it)
//   manifest.json        `[{Config, RepoTags, Layers}]` with paths into blobs/ (classic `docker load`, skopeo
//                        `docker-archive:`)
//   oci-layout
//
// The tar comes from tar.ts (sorted names, mtime fixed, uid/gid 0), the JSON files are canonical, and blobs are
// content-addressed, so the same images always give the same archive bytes. Blob streams are verified against
// their descriptors while they are written.









const tagPattern = /^\w[\w.-]{0,127}$/;
function assertTag(tag) {
    if (!tagPattern.test(tag))
        throw new Error(`invalid image tag ${JSON.stringify(tag.slice(0, 140))}`);
}
const blobPath = (digest) => `blobs/sha256/${digestHex(digest)}`;
/**
 * The image `docker load` (classic store) gets for a multi-platform image: manifest.json has no platforms, so one
 * image per tag; linux/amd64 when the index has it, else the first. The OCI side (index.json) keeps every platform.
 */
function defaultPlatformImage(image) {
    const images = platformImages(image);
    return images.find((i) => i.config.os === 'linux' && i.config.architecture === 'amd64') ?? images[0];
}
/** The `manifest.json` entries for the images. */
function dockerArchiveManifest(images) {
    return images.map(({ image: top, repository, refs }) => {
        const image = defaultPlatformImage(top);
        return {
            Config: blobPath(image.manifest.config.digest),
            RepoTags: refs.map((tag) => `${repository}:${tag}`),
            Layers: image.manifest.layers.map((l) => blobPath(l.digest)),
        };
    });
}
/** The archive's `index.json`. */
function archiveIndex(images) {
    return {
        schemaVersion: 2,
        mediaType: types_MediaType.ociIndex,
        manifests: images.flatMap(({ image, repository, refs }) => refs.map((tag) => indexEntry(image, tag, repository))),
    };
}
function archive_validate(images) {
    if (images.length === 0)
        throw new Error('an image archive needs at least one image');
    const tags = new Set();
    for (const { repository, refs } of images) {
        assertRepository(repository);
        if (refs.length === 0)
            throw new Error(`image ${repository} has no tags`);
        for (const tag of refs) {
            assertTag(tag);
            assertRefName(tag);
            // ref.name holds the tag only, so two images with one tag would make `oci-archive:<file>:<tag>` ambiguous.
            if (tags.has(tag))
                throw new Error(`tag ${JSON.stringify(tag)} used twice in one archive`);
            tags.add(tag);
        }
    }
}
/** The archive as tar entries, already in tar order, with blob contents as (verifying) factories. */
function imageArchiveEntries(images, options = {}) {
    archive_validate(images);
    const blobs = planBlobs(images, options.fetchBlob).sort((a, b) => a.descriptor.digest < b.descriptor.digest ? -1 : a.descriptor.digest > b.descriptor.digest ? 1 : 0);
    const json = (value) => canonicalJson(value);
    // JSON.stringify keeps docker's key order (Config, RepoTags, Layers); the content is ours, so it is stable.
    const manifestJson = Buffer.from(JSON.stringify(dockerArchiveManifest(images)), 'utf8');
    return [
        { path: 'blobs', type: 'dir' },
        { path: 'blobs/sha256', type: 'dir' },
        ...blobs.map((b) => ({
            path: blobPath(b.descriptor.digest),
            type: 'file',
            size: b.descriptor.size,
            content: async () => verifyBlob(await b.open(), b.descriptor),
        })),
        { path: 'index.json', type: 'file', content: json(archiveIndex(images)) },
        { path: 'manifest.json', type: 'file', content: manifestJson },
        { path: 'oci-layout', type: 'file', content: OCI_LAYOUT_FILE },
    ];
}
/** The archive as a byte stream. */
function createImageArchive(images, options = {}) {
    return createTarStream(imageArchiveEntries(images, options), { sorted: true, mtime: options.mtime ?? 0 });
}
/** Writes the archive to `file` (atomically: temp name, then rename) and returns its digest and size. */
async function writeImageArchive(file, images, options = {}) {
    const entries = imageArchiveEntries(images, options);
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    let size = 0;
    const tmp = `${file}.tmp-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    try {
        await (0,external_node_stream_promises_namespaceObject.pipeline)(tarChunks(entries, { sorted: true, mtime: options.mtime ?? 0 }), async function* measure(source) {
            for await (const chunk of source) {
                hash.update(chunk);
                size += chunk.length;
                yield chunk;
            }
        }, (0,external_node_fs_namespaceObject.createWriteStream)(tmp));
        await (0,promises_namespaceObject.rename)(tmp, file);
    }
    catch (err) {
        await (0,promises_namespaceObject.rm)(tmp, { force: true });
        throw err;
    }
    return { digest: `sha256:${hash.digest('hex')}`, size };
}

;// CONCATENATED MODULE: ./src/publish-image/outputs.ts




function storedImages(images, repository) {
    return images.map((a) => ({
        image: stored(a),
        refs: [...a.job.tags.moving, ...a.job.tags.immutable, ...a.job.tags.release],
        blobs: a.layers.flatMap((l) => (l.blob ? [l.blob] : [])),
        repository,
    }));
}
/** Blobs no image holds locally: base layers (from the base's registry or layout) and reused layers. */
function fetcher(images) {
    const sources = new Map();
    for (const a of images) {
        for (const l of a.layers) {
            const blob = l.blob;
            if (blob)
                sources.set(l.digest, () => Promise.resolve(blob.open()));
        }
        for (const p of a.job.platforms)
            for (const d of p.image?.layers ?? [])
                sources.set(d.digest, () => a.job.base.fetchBlob(d));
    }
    return (descriptor) => {
        const open = sources.get(descriptor.digest);
        return open ? open() : Promise.reject(new errors_OperationError(`no source for blob ${descriptor.digest}`));
    };
}
async function writeLayout(dir, images, repository) {
    await writeOciLayout(dir, storedImages(images, repository), { fetchBlob: fetcher(images) });
}
async function writeArchive(file, images, repository) {
    return writeImageArchive(file, storedImages(images, repository), { fetchBlob: fetcher(images) });
}

;// CONCATENATED MODULE: ./src/publish-image/base.ts
// The base image (the package-registry server): from a registry, from an OCI layout on disk (`oci:<dir>[:<tag>]`,
// for air-gapped builds) or `scratch` (none). A base that is an index gives one platform image per real platform
// it lists (buildx attestation entries are skipped); the package layers are the same for all of them.




/** A readable that streams an async source: registry uploads re-open blobs synchronously on every retry. */
function lazyStream(open) {
    const out = new external_node_stream_namespaceObject.PassThrough();
    open().then((source) => {
        source.on('error', (e) => out.destroy(e));
        source.pipe(out);
    }, (error) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return out;
}
/** Parses an image reference, turning its problems into usage errors that name the input. */
function imageReference(reference, what) {
    try {
        return parseImageReference(reference);
    }
    catch (error) {
        // A reference with credentials has its own message, which never repeats the password.
        if (error instanceof Error && error.name === 'CredentialsInReferenceError')
            throw new UsageError(`${what}: ${error.message}`);
        throw new UsageError(`${what} ${JSON.stringify(reference)}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Appends `:<version>` to a base repository given without tag or digest. */
function baseReference(base, registryVersion) {
    if (base === 'scratch' || base.startsWith('oci:'))
        return base;
    const ref = imageReference(base, 'base image');
    return ref.tag || ref.digest ? base : `${base}:${registryVersion}`;
}
const platformPattern = /^([a-z0-9]+)\/([a-z0-9_]+)(?:\/([a-z0-9]+))?$/;
/** `linux/amd64`, `linux/arm64/v8`, comma- or whitespace-separated. */
function parsePlatforms(text) {
    const out = [];
    for (const item of text.split(/[\s,]+/).filter(Boolean)) {
        const m = platformPattern.exec(item);
        if (!m)
            throw new UsageError(`platform ${JSON.stringify(item.slice(0, 60))} is not os/arch[/variant], e.g. linux/arm64`);
        out.push({ os: m[1], architecture: m[2], ...(m[3] ? { variant: m[3] } : {}) });
    }
    return out;
}
const base_defaultVariant = (p) => p.variant ?? (p.architecture === 'arm64' ? 'v8' : p.architecture === 'arm' ? 'v7' : undefined);
function samePlatform(have, want) {
    if (have.os !== want.os || have.architecture !== want.architecture)
        return false;
    return want.variant === undefined || base_defaultVariant(have) === base_defaultVariant(want);
}
/** The base platforms to publish: all of them, or the ones asked for (each must exist). */
function selectPlatforms(base, wanted) {
    if (wanted.length === 0)
        return base.platforms;
    if (base.platforms.length === 1 && base.platforms[0].image === undefined)
        // scratch: the platforms are simply declared.
        return wanted.map((platform) => ({ platform }));
    return wanted.map((w) => {
        const found = base.platforms.find((p) => samePlatform(p.platform, w));
        if (!found)
            throw new UsageError(`base image ${base.reference} has no ${formatPlatform(w)} image (it has: ${base.platforms.map((p) => formatPlatform(p.platform)).join(', ') || 'none'})`);
        return found;
    });
}
function fromLayout(image, platform) {
    return {
        platform: platform ?? {
            os: image.config.os,
            architecture: image.config.architecture,
            ...(typeof image.config.variant === 'string' ? { variant: image.config.variant } : {}),
        },
        image: { config: image.config, layers: image.manifest.layers, mediaType: image.mediaType },
        digest: image.manifestDescriptor.digest,
    };
}
async function openLayout(reference) {
    const spec = reference.slice(4);
    const colon = spec.lastIndexOf(':');
    const [dir, tag] = colon > spec.lastIndexOf('/') ? [spec.slice(0, colon), spec.slice(colon + 1)] : [spec, undefined];
    let top;
    try {
        top = await readOciLayout(dir, tag);
    }
    catch (error) {
        throw new UsageError(`base image ${reference}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const common = { reference, label: `oci-layout:${tag ?? 'latest'}`, fetchBlob: layoutBlobFetcher(dir) };
    if (top.kind === 'manifest')
        return {
            ...common,
            digest: top.image.manifestDescriptor.digest,
            isIndex: false,
            platforms: [fromLayout(top.image)],
        };
    return {
        ...common,
        digest: top.descriptor.digest,
        isIndex: true,
        platforms: top.images.map((image) => fromLayout(image)),
    };
}
async function openBase(reference, clientFor) {
    if (reference === 'scratch')
        return {
            reference,
            isIndex: false,
            platforms: [{ platform: { os: 'linux', architecture: 'amd64' } }],
            fetchBlob: (d) => Promise.reject(new errors_OperationError(`blob ${d.digest} is not part of any known image`)),
        };
    if (reference.startsWith('oci:'))
        return openLayout(reference);
    const ref = imageReference(reference, 'base image');
    const client = clientFor(ref.apiHost);
    const repo = ref.repository;
    try {
        const top = await client.getManifest(repo, ref.digest ?? ref.tag ?? 'latest');
        const entries = isIndexMediaType(top.mediaType)
            ? imagePlatforms(top.manifest)
            : [];
        if (isIndexMediaType(top.mediaType) && entries.length === 0)
            throw new UsageError(`base image ${reference} is an index without any platform image`);
        const refs = isIndexMediaType(top.mediaType) ? entries.map((e) => e.digest) : [top.digest];
        const platforms = await Promise.all(refs.map(async (digest, i) => {
            const resolved = await client.resolveImage(repo, digest);
            return {
                platform: entries[i]?.platform ?? {
                    os: resolved.config.os,
                    architecture: resolved.config.architecture,
                    ...(typeof resolved.config.variant === 'string' ? { variant: resolved.config.variant } : {}),
                },
                image: { config: resolved.config, layers: resolved.manifest.layers, mediaType: resolved.mediaType },
                digest: resolved.digest,
            };
        }));
        return {
            reference,
            label: reference,
            digest: top.digest,
            isIndex: isIndexMediaType(top.mediaType),
            platforms,
            fetchBlob: (d) => client.getBlob(repo, d.digest),
            registry: { host: ref.apiHost, repository: repo },
        };
    }
    catch (error) {
        if (error instanceof RegistryError && isNotFound(error))
            throw new UsageError(`base image ${reference} was not found: ${error.message}`);
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/publish-image/plan.ts
// Stage 1: plan each channel's image. Reads what every involved channel branch holds at its known commit, and
// decides the image's package layers (core/image-plan.ts), its registry version and base, its platforms and its
// tags. Bad requests and configurations stop here, before anything is built or written.









const maxLayers = 120;
function targetOf(image) {
    const ref = imageReference(image, 'image');
    if (ref.tag || ref.digest)
        throw new UsageError(`image ${image}: give the repository without a tag; tags come from the channel and commit`);
    return { host: ref.apiHost, repository: ref.repository, display: image };
}
/**
 * The target repositories of `image`: one, or several separated by commas or newlines (mirrors, possibly on other
 * registries). The first is where previous images are read first and whose digest the outputs name.
 */
function targetsOf(image) {
    const targets = image
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map(targetOf);
    if (targets.length === 0)
        throw new UsageError('image: give at least one target repository');
    const seen = new Map();
    for (const t of targets) {
        const key = `${t.host}/${t.repository}`;
        const other = seen.get(key);
        if (other !== undefined)
            throw new UsageError(`image lists the same repository twice (${other} and ${t.display})`);
        seen.set(key, t.display);
    }
    return targets;
}
/**
 * The channel tag of every channel, refusing configurations where two branches would share a tag (`rel/prod` and
 * `rel-prod`, or names equal in their first 128 characters) or a branch's tag would look like a commit tag or a
 * referrers tag: one channel's image would silently replace another's.
 */
function channelTags(policy) {
    const tags = new Map();
    const byTag = new Map();
    for (const c of policy.channels) {
        const tag = sanitizeTag(c.branch);
        const other = byTag.get(tag);
        if (other !== undefined)
            throw new UsageError(`channel branches ${other} and ${c.branch} would both be tagged ${JSON.stringify(tag)} in the image repository; rename one of them in the policy`);
        if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(tag) || /^sha256-/.test(tag))
            throw new UsageError(`channel branch ${c.branch} would be tagged ${JSON.stringify(tag)}, which looks like a commit or referrers tag; rename the branch`);
        byTag.set(tag, c.branch);
        tags.set(c.name, tag);
    }
    return tags;
}
async function readChannel(reader, repoDir, channel, commit) {
    const [versions, time, dockerfile, config] = await Promise.all([
        reader.allVersions(commit),
        commitTime(repoDir, commit),
        reader.readFile(commit, 'Dockerfile'),
        reader.readFile(commit, 'deployment/package-registry.yml'),
    ]);
    const version = dockerfile ? registryVersionFromDockerfile(dockerfile) : undefined;
    return {
        channel,
        commit,
        commitTime: time,
        versions: versions.filter((v) => isValidPackageName(v.name)),
        ...(version ? { registryVersion: version } : {}),
        ...(config !== undefined ? { registryConfig: config } : {}),
    };
}
/** The wanted channels, most stable first (their layers are built once and reused by the images including them). */
function wantedChannels(request) {
    const { policy } = request;
    const wanted = request.channels.map((name) => {
        const c = channelByName(policy, name);
        if (!c)
            throw new UsageError(`unknown channel "${name}" (channels: ${policy.channels.map((x) => x.name).join(', ')})`);
        if (!request.tips.get(c.branch))
            throw missingBranchError(c);
        return c;
    });
    return wanted.sort((a, b) => policy.channels.indexOf(a) - policy.channels.indexOf(b));
}
function wantedLayers(plan, configText) {
    return [
        ...plan.layers.map((l) => ({
            source: l.source,
            plan: l,
            commit: plan.commits[l.channel],
            createdBy: `package-storage: ${packagePath(l.channel)} layer ${l.bucket + 1}/${l.buckets} (${l.versions.length} versions)`,
        })),
        {
            // The registry configuration is one more small layer, keyed by its text.
            source: `registry-config@${sha256Digest(Buffer.from(configText))}`,
            createdBy: `package-storage: /package-registry/config.yml (${plan.packagePaths.join(', ')})`,
            configText,
        },
    ];
}
function checkRegistryVersion(channel, version) {
    if (!version)
        throw new UsageError(`no registry version for ${channel.name}: pass one (registry-version) or pin it in the ${channel.branch} branch's Dockerfile (ARG PACKAGE_REGISTRY=v1.15.0)`);
    if (!isRegistryVersion(version))
        throw new UsageError(`registry version ${JSON.stringify(version)} is not a version such as v1.15.0`);
    return version;
}
async function planChannels(request, reader) {
    const { policy, repoDir } = request;
    const wanted = wantedChannels(request);
    const tags = channelTags(policy);
    const needed = new Set(wanted.flatMap((c) => servedChannels(policy, c)));
    const contents = new Map();
    await Promise.all([...needed].map(async (c) => {
        const tip = request.tips.get(c.branch);
        if (tip)
            contents.set(c.name, await readChannel(reader, repoDir, c, tip));
    }));
    const bases = new Map();
    const jobs = [];
    for (const channel of wanted) {
        const content = contents.get(channel.name);
        const plan = planImage(policy, channel, contents);
        const registryVersion = checkRegistryVersion(channel, request.registryVersion ?? content.registryVersion);
        const baseRef = baseReference(request.baseImage, registryVersion);
        if (!bases.has(baseRef))
            bases.set(baseRef, openBase(baseRef, request.clientFor));
        const base = await bases.get(baseRef);
        const platforms = selectPlatforms(base, request.platforms ?? []);
        const layers = wantedLayers(plan, registryConfig(content.registryConfig, plan.packagePaths));
        const baseLayers = Math.max(0, ...platforms.map((p) => p.image?.layers.length ?? 0));
        if (baseLayers + layers.length > maxLayers)
            throw new UsageError(`the ${channel.name} image would have ${baseLayers + layers.length} layers (limit ${maxLayers}); lower image-layers in the policy`);
        jobs.push({
            channel,
            content,
            plan,
            registryVersion,
            base,
            platforms,
            layers,
            tags: {
                moving: request.movingTags === false ? [] : [tags.get(channel.name)],
                immutable: [plan.commit],
                release: request.extraTags?.get(channel.name) ?? [],
            },
        });
    }
    return jobs;
}

;// CONCATENATED MODULE: ./src/publish-image/progress.ts
// Progress of a publish while it works: layers built and uploaded, bytes read (tar) and written (compressed), and
// the rate. The engine counts; reporters turn counts into a TTY status line (CLI), plain lines (CLI without a
// TTY) or periodic log lines (the action).
class Progress {
    listener;
    started = Date.now();
    state = {
        layersToBuild: 0,
        layersBuilt: 0,
        blobsUploaded: 0,
        tarBytes: 0,
        compressedBytes: 0,
    };
    constructor(listener) {
        this.listener = listener;
    }
    snapshot() {
        return { ...this.state, elapsedMs: Date.now() - this.started };
    }
    emit(event) {
        try {
            this.listener?.(this.snapshot(), event);
        }
        catch {
            // Reporting must never break a publish.
        }
    }
    start(layersToBuild) {
        this.state.layersToBuild = layersToBuild;
        this.emit('start');
    }
    tar(bytes) {
        this.state.tarBytes += bytes;
    }
    compressed(bytes) {
        this.state.compressedBytes += bytes;
    }
    /** An attempt that failed half-way is redone from the start: its bytes no longer count. */
    retracted(tarBytes, compressedBytes) {
        this.state.tarBytes -= tarBytes;
        this.state.compressedBytes -= compressedBytes;
    }
    layerBuilt() {
        this.state.layersBuilt++;
        this.emit('layer');
    }
    uploaded() {
        this.state.blobsUploaded++;
    }
    tick() {
        this.emit('tick');
    }
    end() {
        this.emit('end');
    }
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
/** `layers 12/33 built, 10 uploaded; 812.4 MB read, 498.0 MB compressed; 61.2 MB/s` */
function progressLine(s) {
    const seconds = Math.max(s.elapsedMs / 1000, 0.001);
    return `layers ${s.layersBuilt}/${s.layersToBuild} built, ${s.blobsUploaded} uploaded; ${mb(s.tarBytes)} read, ${mb(s.compressedBytes)} compressed; ${(s.tarBytes / 1e6 / seconds).toFixed(1)} MB/s`;
}
/**
 * A reporter writing through `write`: on a TTY one status line rewritten in place (`\r`), several times a second;
 * otherwise one plain line per finished layer and one every `intervalMs` (the action's log).
 */
function progressReporter(o) {
    let shown = false;
    const listener = (s, event) => {
        if (s.layersToBuild === 0)
            return; // nothing is built: a no-op run says nothing until its result
        if (o.tty) {
            if (event === 'end') {
                if (shown)
                    o.write(`\r\u001b[2K${progressLine(s)}\n`);
                return;
            }
            shown = true;
            o.write(`\r\u001b[2K${progressLine(s)}`);
            return;
        }
        if (event === 'start')
            o.write(`building ${s.layersToBuild} layer${s.layersToBuild === 1 ? '' : 's'}\n`);
        else
            o.write(`${progressLine(s)}\n`);
    };
    return {
        listener,
        run(progress) {
            const timer = setInterval(() => progress.tick(), o.intervalMs ?? (o.tty ? 250 : 15_000));
            timer.unref();
            return () => clearInterval(timer);
        },
    };
}

;// CONCATENATED MODULE: ./src/publish-image/sbom.ts
// The SBOM of a channel image: an SPDX 2.3 JSON document listing every package version the image serves (name,
// version, channel, the version's content identity and git tree), attached to the image as an OCI artifact whose
// `subject` is the image (distribution-spec 1.1 referrers). Registries with the referrers API index it
// themselves (they answer the manifest PUT with `OCI-Subject`); on the others (Distribution 2.8) the client keeps
// the `sha256-<hex>` tag holding the referrers index, as the spec's fallback says. Either way it is read back
// with plain registry calls: referrers (or that tag) → artifact manifest → SBOM blob.









const SPDX_MEDIA_TYPE = 'application/spdx+json';
/** On the artifact manifest (and so on its referrers entry): which SBOMs are ours. */
const SBOM_ANNOTATION = 'io.package-storage.sbom';
const SBOM_CREATOR = 'Tool: package-storage-actions';
const EMPTY_CONFIG = Buffer.from('{}');
const EMPTY_DESCRIPTOR = {
    mediaType: 'application/vnd.oci.empty.v1+json',
    digest: sha256Digest(EMPTY_CONFIG),
    size: EMPTY_CONFIG.length,
};
/**
 * Every package version the image serves, with its content identity: one `git ls-tree -r` per included channel
 * (at the commit the image was built from), one version's file list in memory at a time.
 */
async function servedPackages(image, repoDir, packagesRoot) {
    const out = [];
    for (const [channel, commit] of Object.entries(image.job.plan.commits)) {
        const versions = image.job.plan.layers.filter((l) => l.channel === channel).flatMap((l) => l.versions);
        const identities = new Array(versions.length);
        await versionFiles(repoDir, commit, packagesRoot, versions, (i, files) => {
            identities[i] = contentIdentity(files);
        });
        versions.forEach((v, i) => out.push({ channel, name: v.name, version: v.version, tree: v.tree, identity: identities[i] }));
    }
    const order = new Map(Object.keys(image.job.plan.commits).map((c, i) => [c, i]));
    return out.sort((a, b) => (order.get(a.channel) ?? 0) - (order.get(b.channel) ?? 0) ||
        (a.name < b.name
            ? -1
            : a.name > b.name
                ? 1
                : a.version < b.version
                    ? -1
                    : a.version > b.version
                        ? 1
                        : 0));
}
/** `pkg:oci/<name>@<digest>?repository_url=<host>/<path>` (the purl of a container image). */
function imagePurl(display, digest) {
    const name = display.slice(display.lastIndexOf('/') + 1);
    return `pkg:oci/${name}@${encodeURIComponent(digest)}?repository_url=${encodeURIComponent(display)}`;
}
/** The SPDX 2.3 document (canonical JSON) for an image. Deterministic: the same image gives the same bytes. */
function spdxDocument(o) {
    const { image, display, packages } = o;
    const channel = image.job.channel.name;
    const hex = image.digest.slice('sha256:'.length);
    const doc = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${display}:${channel}@${image.digest}`,
        documentNamespace: `https://spdx.org/spdxdocs/package-storage-${channel}-${hex}`,
        creationInfo: {
            created: createdTime(image.job.plan.created),
            creators: ['Tool: package-storage-actions'],
        },
        packages: [
            {
                SPDXID: 'SPDXRef-Image',
                name: display,
                versionInfo: image.digest,
                downloadLocation: 'NOASSERTION',
                filesAnalyzed: false,
                primaryPackagePurpose: 'CONTAINER',
                externalRefs: [
                    {
                        referenceCategory: 'PACKAGE-MANAGER',
                        referenceType: 'purl',
                        referenceLocator: imagePurl(display, image.digest),
                    },
                ],
            },
            ...packages.map((p, i) => ({
                SPDXID: `SPDXRef-Package-${i + 1}`,
                name: p.name,
                versionInfo: p.version,
                downloadLocation: 'NOASSERTION',
                filesAnalyzed: false,
                sourceInfo: `channel ${p.channel}, served from ${packagePath(p.channel)}/${p.name}/${p.version}`,
                externalRefs: [
                    {
                        referenceCategory: 'OTHER',
                        referenceType: 'package-storage-channel',
                        referenceLocator: p.channel,
                    },
                    {
                        referenceCategory: 'OTHER',
                        referenceType: 'package-storage-content-identity',
                        referenceLocator: p.identity,
                    },
                    // The version's git tree id is its Software Heritage directory id (SHA-1 repositories).
                    ...(/^[0-9a-f]{40}$/.test(p.tree)
                        ? [
                            {
                                referenceCategory: 'PERSISTENT-ID',
                                referenceType: 'swh',
                                referenceLocator: `swh:1:dir:${p.tree}`,
                            },
                        ]
                        : []),
                ],
            })),
        ],
        relationships: [
            {
                spdxElementId: 'SPDXRef-DOCUMENT',
                relationshipType: 'DESCRIBES',
                relatedSpdxElement: 'SPDXRef-Image',
            },
            ...packages.map((_, i) => ({
                spdxElementId: 'SPDXRef-Image',
                relationshipType: 'CONTAINS',
                relatedSpdxElement: `SPDXRef-Package-${i + 1}`,
            })),
        ],
    };
    return canonicalJson(doc);
}
/** The OCI 1.1 artifact manifest carrying `sbom`, with the image as its subject. */
function sbomArtifact(sbom, image) {
    const sbomDescriptor = {
        mediaType: SPDX_MEDIA_TYPE,
        digest: sha256Digest(sbom),
        size: sbom.length,
        annotations: { 'org.opencontainers.image.title': 'sbom.spdx.json' },
    };
    const annotations = {
        'org.opencontainers.image.created': createdTime(image.job.plan.created),
        [SBOM_ANNOTATION]: 'spdx-2.3',
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: types_MediaType.ociManifest,
        artifactType: SPDX_MEDIA_TYPE,
        config: EMPTY_DESCRIPTOR,
        layers: [sbomDescriptor],
        subject: {
            mediaType: image.top.descriptor.mediaType,
            digest: image.digest,
            size: image.top.descriptor.size,
        },
        annotations,
    };
    const manifestBytes = canonicalJson(manifest);
    return {
        manifest,
        manifestBytes,
        descriptor: {
            mediaType: types_MediaType.ociManifest,
            digest: sha256Digest(manifestBytes),
            size: manifestBytes.length,
            artifactType: SPDX_MEDIA_TYPE,
            annotations,
        },
        sbom,
        sbomDescriptor,
    };
}
/** The referrers of `subject` as listed: through the referrers API, else the fallback tag; [] when there are none. */
async function referrersOf(client, repo, subject) {
    const listed = await client.listReferrers(repo, subject);
    if (listed)
        return listed;
    const tagged = await client.findManifest(repo, referrersTag(subject));
    if (!tagged || tagged.mediaType !== types_MediaType.ociIndex)
        return [];
    return tagged.manifest.manifests;
}
/**
 * The referrers of `subject` that really are: each listed entry `want` picks is fetched by digest (the client checks
 * the digest) and kept only when its manifest exists in `repo` and names `subject` as its subject. Anyone who can
 * push can list anything under the fallback tag (`sha256-<hex>`), and a registry's referrers API is the registry's
 * word: neither is taken as proof of what an artifact is or says.
 */
async function checkedReferrers(client, repo, subject, want = () => true) {
    const out = [];
    const seen = new Set();
    for (const listed of await referrersOf(client, repo, subject)) {
        if (!want(listed) || !isDigest(listed.digest) || seen.has(listed.digest))
            continue;
        seen.add(listed.digest);
        const found = await client.findManifest(repo, listed.digest);
        if (!found || found.mediaType !== types_MediaType.ociManifest)
            continue;
        const manifest = found.manifest;
        if (manifest.subject?.digest !== subject)
            continue;
        const artifactType = manifest.artifactType ?? manifest.config.mediaType;
        out.push({
            descriptor: {
                mediaType: found.mediaType,
                digest: found.digest,
                size: found.bytes.length,
                artifactType,
                ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
            },
            manifest,
        });
    }
    return out;
}
/** `<channel> <name> <version> <tree>` per version (tree empty where the SBOM has no swh id), sorted. */
function sbomPackageKeys(versions) {
    return versions
        .map((v) => `${v.channel} ${v.name} ${v.version} ${/^[0-9a-f]{40}$/.test(v.tree) ? v.tree : ''}`)
        .sort();
}
/** The versions an image's plan serves, keyed as {@link sbomPackageKeys}. */
function planPackageKeys(image) {
    return sbomPackageKeys(image.job.plan.layers.flatMap((l) => l.versions.map((v) => ({ channel: l.channel, ...v }))));
}
/** Whether `doc` is the SPDX document this tool writes for the image `expect` describes. */
function isOurSbom(doc, expect) {
    if (typeof doc !== 'object' || doc === null)
        return false;
    const d = doc;
    const hex = expect.digest.slice('sha256:'.length);
    const creators = d.creationInfo?.creators;
    if (d.spdxVersion !== 'SPDX-2.3' ||
        d.documentNamespace !== `https://spdx.org/spdxdocs/package-storage-${expect.channel}-${hex}` ||
        !Array.isArray(creators) ||
        !creators.includes(SBOM_CREATOR) ||
        !Array.isArray(d.packages))
        return false;
    const [image, ...served] = d.packages;
    if (image?.SPDXID !== 'SPDXRef-Image' || image.versionInfo !== expect.digest)
        return false;
    if (!expect.packages)
        return true;
    const ref = (p, type) => {
        const found = p.externalRefs?.find((r) => r.referenceType === type)?.referenceLocator;
        return typeof found === 'string' ? found : '';
    };
    const keys = sbomPackageKeys(served.map((p) => ({
        channel: ref(p, 'package-storage-channel'),
        name: String(p.name),
        version: String(p.versionInfo),
        tree: ref(p, 'swh').replace(/^swh:1:dir:/, ''),
    })));
    return keys.length === expect.packages.length && keys.every((k, i) => k === expect.packages[i]);
}
/** Largest SBOM read back to check it (a production image's lists a few thousand versions in well under this). */
const MAX_SBOM_BYTES = 64 << 20;
/**
 * The digest of an SBOM of ours attached to `expect.digest`, checked: the artifact's own manifest (its subject, type
 * and one SPDX layer), and the document itself read back and found to describe this image ({@link isOurSbom}).
 * undefined when none is; a listed entry that only claims to be one is not.
 */
async function findSbom(client, repo, expect) {
    const candidates = await checkedReferrers(client, repo, expect.digest, (d) => d.artifactType === SPDX_MEDIA_TYPE);
    for (const { descriptor, manifest } of candidates) {
        const layer = manifest.layers[0];
        if (descriptor.artifactType !== SPDX_MEDIA_TYPE ||
            descriptor.annotations?.[SBOM_ANNOTATION] === undefined ||
            manifest.layers.length !== 1 ||
            layer?.mediaType !== SPDX_MEDIA_TYPE ||
            !isDigest(layer.digest) ||
            layer.size > MAX_SBOM_BYTES)
            continue;
        let doc;
        try {
            doc = JSON.parse((await client.getBlobBytes(repo, layer.digest, { maxBytes: MAX_SBOM_BYTES })).toString());
        }
        catch (error) {
            if (error instanceof SyntaxError || (error instanceof RegistryError && isNotFound(error)))
                continue;
            throw error;
        }
        if (isOurSbom(doc, expect))
            return descriptor.digest;
    }
    return undefined;
}
/**
 * Pushes an artifact (blobs, then the manifest by digest) and, when the registry did not index the subject itself,
 * adds it to the `sha256-<hex>` referrers index (keeping the entries others put there, e.g. attestations).
 * `uploadedBytes` counts the blobs sent (manifests are not counted, as for images).
 */
async function attachReferrer(client, repo, artifact) {
    let uploadedBytes = 0;
    for (const [d, bytes] of artifact.blobs)
        if ((await client.uploadBlob(repo, d, () => external_node_stream_namespaceObject.Readable.from([bytes]))) === 'uploaded')
            uploadedBytes += d.size;
    const put = await client.putManifestInfo(repo, artifact.descriptor.digest, artifact.manifestBytes, types_MediaType.ociManifest);
    if (put.subjectHandled)
        return { digest: put.digest, via: 'referrers-api', uploadedBytes };
    const tag = referrersTag(artifact.subject);
    // What the tag lists already is read and checked, entry by entry: referrers of this image (attestations, other
    // tools' SBOMs) stay, described as their manifests say; anything else listed there (someone else's artifact, an
    // entry with no manifest) is dropped. A listed SBOM was never the proof ours is attached: ours is pushed anyway.
    const others = (await checkedReferrers(client, repo, artifact.subject, (d) => d.digest !== artifact.descriptor.digest)).map((r) => r.descriptor);
    const index = {
        schemaVersion: 2,
        mediaType: types_MediaType.ociIndex,
        manifests: [...others, artifact.descriptor],
    };
    await client.putManifest(repo, tag, canonicalJson(index), types_MediaType.ociIndex);
    return { digest: put.digest, via: 'tag', uploadedBytes };
}
/** The SBOM artifact attached to its image (see {@link attachReferrer}). */
function attachSbom(client, repo, artifact) {
    return attachReferrer(client, repo, {
        subject: artifact.manifest.subject.digest,
        manifestBytes: artifact.manifestBytes,
        descriptor: artifact.descriptor,
        blobs: [
            [EMPTY_DESCRIPTOR, EMPTY_CONFIG],
            [artifact.sbomDescriptor, artifact.sbom],
        ],
    });
}

;// CONCATENATED MODULE: ./src/publish-image/rollback.ts
// Rolling a channel back: its tag is pointed, by digest, at the image already published for an earlier commit of
// the channel (the commit tag `<image>:<sha>` names it), in every target repository. Only a commit on the channel
// branch's first-parent history (a state the channel was actually at) is accepted, and only to an image that
// publish-image made for it: labels naming that commit and channel, and an SBOM of ours or an earlier rollback
// record attached (read back and checked: a registry, or anyone who can push a tag, is not taken at its word), the
// same image in every target. Every target is checked before any tag moves.
//
// A rollback deliberately points the tag at an ancestor, which the forward-only rule of publish would undo on the
// next run of the same tip (a scheduled run, another channel's push). So each rollback leaves a record with the
// image, as an OCI referrer (`artifactType` below, its fields in annotations): "channel C rolled back from commit F
// to commit T". While the tag names an image with such a record, publish moves it only to an image of a commit that
// descends from F and is not F: the next normal publish of a newer commit. A rollback to the tip itself undoes one
// and leaves no record.









const ROLLBACK_ARTIFACT_TYPE = 'application/vnd.package-storage.rollback.v1+json';
const Key = {
    channel: 'io.package-storage.rollback.channel',
    from: 'io.package-storage.rollback.from',
    to: 'io.package-storage.rollback.to',
    fromDigest: 'io.package-storage.rollback.from-digest',
    created: 'org.opencontainers.image.created',
};
/** The record artifact: an empty OCI artifact whose annotations hold the record, with the image as its subject. */
function rollbackArtifact(subject, record) {
    const annotations = {
        [Key.created]: record.at,
        [Key.channel]: record.channel,
        [Key.from]: record.from,
        [Key.to]: record.to,
        ...(record.fromDigest ? { [Key.fromDigest]: record.fromDigest } : {}),
    };
    const manifestBytes = canonicalJson({
        schemaVersion: 2,
        mediaType: types_MediaType.ociManifest,
        artifactType: ROLLBACK_ARTIFACT_TYPE,
        config: EMPTY_DESCRIPTOR,
        layers: [EMPTY_DESCRIPTOR],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations,
    });
    return {
        manifestBytes,
        descriptor: {
            mediaType: types_MediaType.ociManifest,
            digest: sha256Digest(manifestBytes),
            size: manifestBytes.length,
            artifactType: ROLLBACK_ARTIFACT_TYPE,
            annotations,
        },
    };
}
const commitPattern = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/**
 * The rollback records attached to `subject`: each record's own manifest, fetched by digest and naming `subject`
 * (what a referrers list says about a record is not taken on trust: a forged entry would freeze a channel tag).
 */
async function rollbackRecords(client, repo, subject) {
    const records = [];
    const listed = await checkedReferrers(client, repo, subject, (d) => d.artifactType === ROLLBACK_ARTIFACT_TYPE);
    for (const { descriptor: d } of listed) {
        const a = d.annotations ?? {};
        if (d.artifactType !== ROLLBACK_ARTIFACT_TYPE)
            continue;
        const [channel, from, to, at] = [a[Key.channel], a[Key.from], a[Key.to], a[Key.created]];
        if (!channel || !from || !to || !at || !commitPattern.test(from) || !commitPattern.test(to))
            continue;
        records.push({ channel, from, to, at, ...(a[Key.fromDigest] ? { fromDigest: a[Key.fromDigest] } : {}) });
    }
    return records;
}
/** The latest rollback of `channel` recorded on `subject`, if any. */
async function activeRollback(client, repo, subject, channel) {
    const records = (await rollbackRecords(client, repo, subject)).filter((r) => r.channel === channel);
    return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).at(-1);
}
/** The labels of an image (its first platform's configuration). */
async function labelsOf(client, repo, reference) {
    const image = await client.resolveImage(repo, reference, 'first');
    return image.config.config?.Labels ?? {};
}
/** The label `io.package-storage.commits` as an object, or undefined. */
function commitsIn(labels) {
    const label = labels[StorageKey.commits];
    if (!label)
        return undefined;
    try {
        const parsed = JSON.parse(label);
        return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * Why the image under `<sha>` is not one publish-image made for `channel` at `commit`, or undefined when it is:
 * its labels name that commit (revision, channel, the channel's commit), and what it carries says publish-image
 * made it: an SBOM of ours describing this digest and channel, or the record of an earlier rollback to it (both
 * read back and checked). Labels alone can be written by anyone who can push.
 */
async function notOurs(client, repo, digest, channel, commit) {
    const labels = await labelsOf(client, repo, digest);
    const commits = commitsIn(labels);
    const says = {
        revision: labels[OciKey.revision] ?? null,
        channel: labels[StorageKey.channel] ?? null,
        commit: commits?.[channel] ?? null,
    };
    if (says.revision !== commit || says.channel !== channel || says.commit !== commit)
        return `its labels do not name ${channel} ${commit.slice(0, 12)} (revision ${JSON.stringify(says.revision)}, channel ${JSON.stringify(says.channel)}, ${StorageKey.commits}[${channel}] ${JSON.stringify(says.commit)})`;
    if (await findSbom(client, repo, { digest, channel }))
        return undefined;
    const records = await rollbackRecords(client, repo, digest);
    if (records.some((r) => r.channel === channel && r.to === commit))
        return undefined;
    return `no SBOM of package-storage-actions for this image and channel, and no record of a rollback to it, is attached (an image published with the SBOM turned off cannot be rolled back to)`;
}
async function checkTarget(target, client, channel, tag, commit) {
    const repo = target.repository;
    const image = await client.headManifest(repo, commit);
    if (!image)
        return {
            message: `${target.display}:${commit} does not exist: no image was published for ${channel} ${commit.slice(0, 12)}; publish that commit first or pick another one`,
        };
    const why = await notOurs(client, repo, image.digest, channel, commit);
    if (why)
        return {
            message: `${target.display}:${commit} (${image.digest}) is not an image publish-image made for ${channel} ${commit.slice(0, 12)}: ${why}`,
        };
    const current = await client.headManifest(repo, tag);
    let currentCommit;
    if (current)
        try {
            const c = commitsIn(await labelsOf(client, repo, current.digest))?.[channel];
            if (typeof c === 'string')
                currentCommit = c;
        }
        catch (error) {
            if (!(error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND')))
                throw error;
        }
    return {
        target,
        client,
        image,
        ...(current
            ? { current: { digest: current.digest, ...(currentCommit ? { commit: currentCommit } : {}) } }
            : {}),
    };
}
/** Mirrors whose `<sha>` tags name different images: a refusal listing each, or undefined when they agree. */
function disagreement(checked, commit) {
    const digests = new Set(checked.map((c) => c.image.digest));
    if (digests.size <= 1)
        return undefined;
    return {
        message: `the targets' ${commit.slice(0, 12)} tags name different images (${checked.map((c) => `${c.target.display}: ${c.image.digest}`).join(', ')}); a rollback moves every mirror to one image, so none was moved`,
    };
}
async function rollback(request) {
    const { policy } = request;
    const log = request.log ?? (() => undefined);
    const channel = channelByName(policy, request.channel);
    if (!channel)
        throw new UsageError(`unknown channel "${request.channel}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`);
    const targets = targetsOf(request.image);
    const tag = channelTags(policy).get(channel.name);
    const commit = await request.ancestry.resolveCommit(request.to, request.tip);
    if (!commit)
        throw new UsageError(`--to ${JSON.stringify(request.to.slice(0, 80))} names no commit here: give a commit of the ${channel.branch} branch (full or abbreviated sha)`);
    if (!(await request.ancestry.onFirstParentHistory(commit, request.tip)))
        throw new RefusedError(`rollback of ${channel.name} refused`, [
            {
                message: `${commit.slice(0, 12)} is not on the first-parent history of ${channel.branch} (tip ${request.tip.slice(0, 12)}): roll back only to a commit the channel was at`,
            },
        ]);
    // Every target is checked before any tag moves.
    const checked = [];
    const refusals = [];
    const results = [];
    for (const target of targets) {
        const client = request.clientFor(target.host);
        try {
            const c = await checkTarget(target, client, channel.name, tag, commit);
            if ('message' in c)
                refusals.push(c);
            else
                checked.push(c);
        }
        catch (error) {
            if (targets.length === 1)
                throw error;
            results.push(rollback_failed(target, tag, commit, error));
        }
    }
    const split = disagreement(checked, commit);
    if (split)
        refusals.push(split);
    if (refusals.length > 0)
        throw new RefusedError(`rollback of ${channel.name} refused; no tag was changed`, refusals);
    const at = (request.now?.() ?? new Date()).toISOString();
    for (const c of checked) {
        const repo = c.target.repository;
        const base = {
            image: c.target.display,
            reference: `${c.target.display}:${tag}`,
            ...(c.current ? { from: c.current } : {}),
            to: { digest: c.image.digest, commit },
        };
        if (c.current?.digest === c.image.digest) {
            results.push({ ...base, status: 'unchanged' });
            continue;
        }
        try {
            // The record first: from the moment the tag names the image, publish runs see why. Rolling back to the tip
            // undoes a rollback: no record, the forward-only rule alone applies again.
            if (commit !== request.tip) {
                const record = rollbackArtifact({ mediaType: c.image.mediaType, digest: c.image.digest, size: c.image.size }, {
                    channel: channel.name,
                    from: request.tip,
                    to: commit,
                    at,
                    ...(c.current ? { fromDigest: c.current.digest } : {}),
                });
                await attachReferrer(c.client, repo, {
                    subject: c.image.digest,
                    ...record,
                    blobs: [[EMPTY_DESCRIPTOR, EMPTY_CONFIG]],
                });
            }
            const manifest = await c.client.getManifest(repo, c.image.digest);
            await c.client.putManifest(repo, tag, manifest.bytes, manifest.mediaType);
            log(`${base.reference}: ${c.current?.digest ?? '(none)'} -> ${c.image.digest} (${channel.name} ${commit.slice(0, 12)})`);
            results.push({ ...base, status: 'moved' });
        }
        catch (error) {
            if (targets.length === 1)
                throw error;
            results.push({ ...base, status: 'failed', error: messageOf(error) });
        }
    }
    const order = new Map(targets.map((t, i) => [t.display, i]));
    results.sort((a, b) => order.get(a.image) - order.get(b.image));
    return { channel: channel.name, branch: channel.branch, tag, commit, tip: request.tip, targets: results };
}
function messageOf(error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
function rollback_failed(target, tag, commit, error) {
    return {
        image: target.display,
        reference: `${target.display}:${tag}`,
        status: 'failed',
        to: { commit },
        error: messageOf(error),
    };
}
/** Fails when any target failed (after every target was tried and reported). */
function assertRolledBack(result) {
    const bad = result.targets.filter((t) => t.status === 'failed');
    if (bad.length > 0)
        throw new OperationError(`rollback of ${result.channel} failed on ${bad.map((t) => `${t.image} (${t.error ?? 'failed'})`).join(', ')}; the other targets were rolled back`);
}

;// CONCATENATED MODULE: ./src/publish-image/push.ts
// Stage 4: publish to a target repository with the tag-safety rules, in phases the engine runs in the same order
// on every target (mirrors): immutable tags (commit, release) are checked for every image before any is written;
// then the blobs the layer stage did not stream (configurations, base layers, layers for a mirror: mounted from
// another repository of the same registry when one has them, else uploaded once); then platform manifests by
// digest, each image under its immutable tags, its SBOM, and last the moving channel tags, most stable channel
// first, each only forward in git ancestry and never off a rollback until the channel has a newer commit. No tag
// changes before every blob of its image is in place, and a failure leaves each tag where it was or on a complete
// image.








/** The `io.package-storage.commits` label of the image under `reference`, if it has one. */
async function commitsOf(ctx, reference) {
    try {
        const image = await ctx.client.resolveImage(ctx.target.repository, reference, 'first');
        const label = image.config.config?.Labels?.[StorageKey.commits];
        if (!label)
            return {};
        const parsed = JSON.parse(label);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            return {};
        const commits = Object.fromEntries(Object.entries(parsed).filter((e) => typeof e[1] === 'string'));
        return { commits };
    }
    catch (error) {
        if (error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND'))
            return {};
        if (error instanceof SyntaxError)
            return {};
        throw error;
    }
}
function newOutcome() {
    return {
        unchangedTags: [],
        keptTags: [],
        notes: [],
        bytesUploaded: 0,
        uploadedLayers: 0,
        mountedLayers: 0,
    };
}
/** Immutable tags: unchanged, kept (a commit tag on the first image built from that commit) or a conflict. */
async function checkImmutable(ctx, a, outcome) {
    const toWrite = [];
    const { job } = a;
    for (const tag of [...job.tags.immutable, ...job.tags.release]) {
        const existing = await ctx.client.headManifest(ctx.target.repository, tag);
        if (!existing) {
            toWrite.push(tag);
            continue;
        }
        if (existing.digest === a.digest) {
            outcome.unchangedTags.push(tag);
            continue;
        }
        const isRelease = job.tags.release.includes(tag);
        if (isRelease && ctx.allowRetag) {
            toWrite.push(tag);
            continue;
        }
        if (!isRelease) {
            // The same channel commit gives another image when a more stable channel it includes moved, or the base,
            // registry version or tool changed: the commit tag keeps naming the first image built from that commit.
            const { commits } = await commitsOf(ctx, tag);
            if (commits?.[job.channel.name] === job.plan.commit) {
                outcome.keptTags.push(tag);
                outcome.notes.push(`${ctx.target.display}:${tag} keeps ${existing.digest}, the first image built from this ${job.channel.name} commit`);
                continue;
            }
        }
        throw new errors_OperationError(`${ctx.target.display}:${tag} already points at ${existing.digest}, not at the image built now (${a.digest}); immutable tags are never moved${isRelease ? ' (the policy can allow moving release tags: release.allow-overwrite)' : ''}. No tag was changed.`);
    }
    return toWrite;
}
/** Every blob an image needs that the target may not have yet: its configs, base layers, layers not streamed. */
async function pushBlobs(ctx, a, done, outcome) {
    const repo = ctx.target.repository;
    const base = a.job.base;
    const fromBase = base.registry?.host === ctx.target.host ? [base.registry.repository] : [];
    const peers = (d, layer) => ctx.mountSources?.(d, layer) ?? [];
    const jobs = [];
    const add = (d, open, kind, mount) => {
        if (done.has(d.digest))
            return;
        done.add(d.digest);
        jobs.push(async () => {
            const result = await ctx.client.uploadBlob(repo, d, open, { mountFrom: mount });
            if (result === 'uploaded') {
                outcome.bytesUploaded += d.size;
                ctx.progress.uploaded();
                if (kind === 'layer')
                    outcome.uploadedLayers++;
            }
            else if (result === 'mounted' && kind === 'layer')
                outcome.mountedLayers++;
        });
    };
    for (const layer of a.layers) {
        if (layer.inTargets.includes(ctx.target.display)) {
            // Streamed here by the layer stage (counted once), or reused from this repository's own images.
            if (!done.has(layer.digest) && layer.uploadedBytes > 0) {
                outcome.bytesUploaded += layer.uploadedBytes;
                outcome.uploadedLayers++;
            }
            done.add(layer.digest);
            continue;
        }
        const blob = layer.blob;
        if (!blob)
            throw new errors_OperationError(`no source for layer ${layer.digest}`);
        add(layer, () => lazyStream(() => Promise.resolve(blob.open())), 'layer', peers(layer.digest, layer));
    }
    for (const [i, image] of a.images.entries()) {
        for (const d of a.job.platforms[i]?.image?.layers ?? [])
            add(d, () => lazyStream(() => base.fetchBlob(d)), 'layer', [...fromBase, ...peers(d.digest)]);
        const config = image.configBytes;
        add(image.configDescriptor, () => external_node_stream_namespaceObject.Readable.from([config]), 'config', peers(image.configDescriptor.digest));
    }
    await mapLimit(jobs, 4, (job) => job());
}
/**
 * The SBOM, unless one of ours for this very image is attached already (a re-run): read back and checked against
 * the image's plan, never taken from what a referrers list claims.
 */
async function pushSbom(ctx, a, outcome) {
    const repo = ctx.target.repository;
    const expect = { digest: a.digest, channel: a.job.channel.name, packages: planPackageKeys(a) };
    const existing = await findSbom(ctx.client, repo, expect);
    if (existing) {
        outcome.sbom = { digest: existing, via: 'existing' };
        return;
    }
    const cache = ctx.sbomPackages;
    let pending = cache?.get(a);
    if (!pending) {
        pending = servedPackages(a, ctx.repoDir, ctx.packagesRoot);
        cache?.set(a, pending);
    }
    const packages = await pending;
    const artifact = sbomArtifact(spdxDocument({ image: a, display: ctx.target.display, packages }), a);
    const attached = await attachSbom(ctx.client, repo, artifact);
    outcome.bytesUploaded += attached.uploadedBytes;
    outcome.sbom = { digest: attached.digest, via: attached.via };
    ctx.log(`${a.job.channel.name}: SBOM ${attached.digest} (${packages.length} package versions) attached to ${ctx.target.display}@${a.digest} via ${attached.via === 'tag' ? 'the referrers tag' : 'the referrers API'}`);
}
/**
 * The channel tag: moved when new, or when the image it names was built from ancestors of our commits — unless
 * that image is where a rollback put the tag and our commit of the channel is not newer than the one rolled back.
 */
async function moveChannelTag(ctx, a, tag, outcome) {
    const repo = ctx.target.repository;
    const existing = await ctx.client.headManifest(repo, tag);
    if (existing?.digest === a.digest) {
        outcome.unchangedTags.push(tag);
        return;
    }
    const keep = (reason) => {
        outcome.keptTags.push(tag);
        outcome.notes.push(`${ctx.target.display}:${tag} stays at ${existing.digest}: ${reason}`);
    };
    if (existing && !ctx.forceChannelTags) {
        const channel = a.job.channel.name;
        const rolledBack = await activeRollback(ctx.client, repo, existing.digest, channel);
        if (rolledBack) {
            const next = a.job.plan.commits[channel];
            const newer = next !== rolledBack.from && (await ctx.ancestry.isAncestor(rolledBack.from, next));
            if (!newer)
                return keep(`${channel} was rolled back from ${rolledBack.from.slice(0, 12)} to ${rolledBack.to.slice(0, 12)} (${rolledBack.at}); it moves again with a newer ${channel} commit (or publish with force-channel-tags)`);
        }
        const { commits } = await commitsOf(ctx, tag);
        // An image without our label (pushed by something else) is replaced: it says nothing about ancestry.
        if (commits) {
            const verdict = await ctx.ancestry.isForward(commits, a.job.plan.commits);
            if (!verdict.forward)
                return keep(`${verdict.reason} (a channel tag only moves forward; if the branch was rewritten on purpose, publish with force-channel-tags)`);
        }
    }
    await ctx.client.putManifest(repo, tag, a.top.bytes, a.top.descriptor.mediaType);
}
function pushPlan(ctx, images) {
    return { ctx, images, outcomes: images.map(newOutcome), toWrite: [], done: new Set() };
}
const pushPhases = [
    {
        name: 'checking immutable tags',
        run: async (p) => {
            for (const [i, a] of p.images.entries())
                p.toWrite.push(await checkImmutable(p.ctx, a, p.outcomes[i]));
        },
    },
    {
        name: 'uploading blobs',
        run: async (p) => {
            for (const [i, a] of p.images.entries())
                await pushBlobs(p.ctx, a, p.done, p.outcomes[i]);
        },
    },
    {
        // Every blob is in place: now the manifests. Platform manifests by digest first, so the index can refer to
        // them (not again when the index is there already: an unchanged image writes nothing).
        name: 'writing manifests',
        run: async (p) => {
            const { client, target } = p.ctx;
            for (const [i, a] of p.images.entries()) {
                const toWrite = p.toWrite[i];
                const present = p.outcomes[i].unchangedTags.length > 0 ||
                    (await client.headManifest(target.repository, a.digest)) !== undefined;
                if (a.index && !present)
                    for (const image of a.images)
                        await client.putManifest(target.repository, image.digest, image.manifestBytes, image.manifestDescriptor.mediaType);
                for (const tag of toWrite)
                    await client.putManifest(target.repository, tag, a.top.bytes, a.top.descriptor.mediaType);
                if (toWrite.length === 0 && !present)
                    // Every immutable tag was kept on an older image: push this one by digest so the channel tag can name it.
                    await client.putManifest(target.repository, a.digest, a.top.bytes, a.top.descriptor.mediaType);
            }
        },
    },
    {
        name: 'attaching SBOMs',
        run: async (p) => {
            if (p.ctx.sbom)
                for (const [i, a] of p.images.entries())
                    await pushSbom(p.ctx, a, p.outcomes[i]);
        },
    },
    {
        name: 'moving channel tags',
        run: async (p) => {
            for (const [i, a] of p.images.entries())
                for (const tag of a.job.tags.moving)
                    await moveChannelTag(p.ctx, a, tag, p.outcomes[i]);
        },
    },
];
/** Every phase on one target. */
async function pushImages(ctx, images) {
    const plan = pushPlan(ctx, images);
    for (const phase of pushPhases)
        await phase.run(plan);
    return plan.outcomes;
}

;// CONCATENATED MODULE: ./src/publish-image/engine.ts
// Builds the distribution images of one or more channels from git trees at known commits and publishes them: to a
// registry, to an OCI layout, or to an air-gapped archive. The stages, one module each:
//   plan.ts      plan a channel: contents at its commit, layers, registry version, base platforms, tags
//   layers.ts    build or reuse layers: reused from previous images, or built from git and streamed out
//   assemble.ts  assemble: one image per platform, an index over them
//   push.ts      push with the tag-safety rules (immutable tags, forward-only channel tags, SBOM referrer), in
//                phases run in the same order on every target repository (mirrors)
//   outputs.ts   the OCI layout and the archive
// With several targets the layers are built once (kept in temp files) and each target gets every blob once:
// mounted from another repository of the same registry, else uploaded. A target that fails drops out at that
// phase (its tags stay where they were or on complete images) and the others go on; each is reported.















async function previousOnTarget(client, target, channel, tag) {
    try {
        const prev = await client.resolveImage(target.repository, tag, 'first');
        return {
            channel,
            digest: prev.index?.digest ?? prev.digest,
            labels: prev.config.config?.Labels ?? {},
            manifest: prev.manifest,
            config: prev.config,
            fetch: (d) => client.getBlob(target.repository, d.digest),
            target: target.display,
        };
    }
    catch (error) {
        if (error instanceof RegistryError && (isNotFound(error) || error.code === 'PLATFORM_NOT_FOUND'))
            return undefined;
        throw error;
    }
}
/**
 * The channel tags the jobs involve — each job's channel and every channel it serves, so a snapshot-only build finds
 * production's newest layers under production's tag — on one target (registry) or in the layout.
 */
function wantedTags(request, jobs) {
    const tags = channelTags(request.policy);
    return [...new Set(jobs.flatMap((j) => [j.channel.name, ...Object.keys(j.plan.commits)]))].map((c) => [
        c,
        tags.get(c),
    ]);
}
async function previousInLayout(layoutDir, channel, tag) {
    try {
        const prev = await readOciLayoutImage(layoutDir, tag);
        return {
            channel,
            digest: prev.manifestDescriptor.digest,
            labels: prev.config.config?.Labels ?? {},
            manifest: prev.manifest,
            config: prev.config,
            fetch: layoutBlobFetcher(layoutDir),
        };
    }
    catch {
        return undefined;
    }
}
function engine_formatPlatform(p) {
    return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}
const engine_short = (s) => (s ? s.replace(/^sha256:/, '').slice(0, 12) : '(none)');
/** Why `a` is not the image its channel tag named before (empty when it is). */
function rebuildReasons(a, previous, tag) {
    if (!previous)
        return [`no image under :${tag} yet`];
    if (previous.digest === a.digest)
        return [];
    const why = [];
    let old = {};
    try {
        old = JSON.parse(previous.labels[StorageKey.commits] ?? '{}');
    }
    catch {
        // an unreadable label says nothing
    }
    for (const [channel, commit] of Object.entries(a.job.plan.commits))
        if (old[channel] !== commit)
            why.push(`${channel} ${typeof old[channel] === 'string' ? engine_short(old[channel]) : '(none)'} -> ${engine_short(commit)}`);
    const base = a.job.platforms[0]?.digest;
    const oldBase = previous.labels[OciKey.baseDigest];
    if (base !== oldBase)
        why.push(`base ${a.job.base.reference} ${engine_short(oldBase)} -> ${engine_short(base)}`);
    const oldVersion = previous.labels[StorageKey.registryVersion];
    if (oldVersion !== a.job.registryVersion)
        why.push(`registry ${oldVersion ?? '(none)'} -> ${a.job.registryVersion}`);
    if (why.length === 0)
        why.push('metadata or build recipe changed (labels, annotations, tool version)');
    return why;
}
function imageResult(a, target, outcome, counted, why) {
    const { job } = a;
    const first = a.images[0];
    const base = job.platforms[0]?.image?.layers.length ?? 0;
    // A layer built in this run counts as built for the first image having it, as reused for the later ones.
    let reused = 0;
    for (const l of a.layers) {
        if (l.origin === 'reused' || counted.has(l.digest))
            reused++;
        else
            counted.add(l.digest);
    }
    return {
        name: target.display,
        'subject-name': target.display,
        'subject-digest': a.digest,
        channel: job.channel.name,
        branch: job.channel.branch,
        commit: job.plan.commit,
        digest: a.digest,
        mediaType: a.top.descriptor.mediaType,
        platforms: a.images.map((image, i) => ({
            platform: engine_formatPlatform(job.platforms[i].platform),
            digest: image.digest,
        })),
        tags: [...job.tags.moving, ...job.tags.immutable, ...job.tags.release].map((t) => `${target.display}:${t}`),
        registryVersion: job.registryVersion,
        base: job.base.reference,
        layers: {
            total: first.manifest.layers.length,
            base,
            reused,
            built: a.layers.length - reused,
            uploaded: outcome?.uploadedLayers ?? 0,
            mounted: outcome?.mountedLayers ?? 0,
        },
        bytesUploaded: outcome?.bytesUploaded ?? 0,
        unchangedTags: outcome?.unchangedTags ?? [],
        keptTags: outcome?.keptTags ?? [],
        notes: [...createdNotes(job), ...(outcome?.notes ?? [])],
        why,
        packages: job.plan.layers.reduce((n, l) => n + l.versions.length, 0),
        ...(outcome?.sbom ? { sbom: outcome.sbom } : {}),
    };
}
/** What a reader of `created` should know: a commit date RFC 3339 cannot write was clamped. */
function createdNotes(job) {
    if (!outsideRfc3339(job.plan.created))
        return [];
    return [
        `the newest commit of ${job.channel.branch} claims a date outside RFC 3339's years 0000-9999 (${job.plan.created} s since 1970): the image's created time is ${createdTime(job.plan.created)}`,
    ];
}
const engine_oneLine = (error) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
/** Runs `phase` on each target still in the run; with one target its failure is the run's failure. */
async function onEachTarget(states, phase, run, log) {
    for (const s of states) {
        if (s.failure)
            continue;
        try {
            await run(s);
        }
        catch (error) {
            if (states.length === 1)
                throw error;
            s.failure = { phase, error };
            log(`${s.target.display}: failed while ${phase}: ${engine_oneLine(error)}; the other targets go on`);
        }
    }
}
async function publishImages(request) {
    const log = request.log ?? (() => undefined);
    if (!request.push && !request.layoutDir && !request.archiveFile)
        throw new UsageError('nothing to do: push to a registry, or write an OCI layout (--layout) or an archive (--archive)');
    const targets = targetsOf(request.image);
    const primary = targets[0];
    const reader = new StorageReader(request.repoDir, request.policy.packagesRoot);
    const progress = new Progress(request.onProgress);
    const stopTicks = request.progressTicks?.(progress);
    let layerSet;
    try {
        const jobs = await planChannels(request, reader);
        const states = targets.map((target) => ({
            target,
            ...(request.push ? { client: request.clientFor(target.host) } : {}),
            previous: new Map(),
        }));
        const tags = wantedTags(request, jobs);
        if (request.push)
            await onEachTarget(states, 'reading the current images', async (s) => {
                for (const [channel, tag] of tags) {
                    const p = await previousOnTarget(s.client, s.target, channel, tag);
                    if (p)
                        s.previous.set(channel, p);
                }
            }, log);
        else if (request.layoutDir)
            for (const [channel, tag] of tags) {
                const p = await previousInLayout(request.layoutDir, channel, tag);
                if (p)
                    states[0].previous.set(channel, p);
            }
        const live = states.filter((s) => !s.failure);
        // One target: layers stream straight into it. Several: built once into temp files, then given to each.
        const stream = request.push && live.length === 1 ? live[0] : undefined;
        layerSet = await resolveLayers({
            repoDir: request.repoDir,
            reader,
            previous: live.flatMap((s) => [...s.previous.values()]),
            ...(stream
                ? {
                    push: {
                        client: stream.client,
                        repository: stream.target.repository,
                        target: stream.target.display,
                    },
                }
                : {}),
            ...(request.layoutDir ? { layoutDir: request.layoutDir } : {}),
            keep: request.archiveFile !== undefined || (request.push && live.length > 1),
            ...(request.tmpDir ? { tmpDir: request.tmpDir } : {}),
            concurrency: Math.max(1, request.concurrency ?? (0,external_node_os_namespaceObject.availableParallelism)()),
            progress,
            log,
        }, jobs);
        const images = jobs.map((job) => assemble(job, layerSet.layers, {
            ...(request.sourceUrl ? { sourceUrl: request.sourceUrl } : {}),
            extra: request.metadata ?? noExtraMetadata,
        }));
        for (const a of images) {
            const reused = a.layers.filter((l) => l.origin === 'reused').length;
            log(`${a.job.channel.name}: ${a.digest} (${a.images.length > 1 ? `index of ${a.images.length} platforms, ` : ''}${a.layers.length} package and config layers: ${reused} reused, ${a.layers.length - reused} built; ${a.job.plan.layers.reduce((n, l) => n + l.versions.length, 0)} package versions)`);
        }
        if (request.push) {
            const ancestry = new Ancestry(request.repoDir, log);
            const sbomPackages = new Map();
            const blobsDone = new Set();
            for (const s of states)
                s.plan = pushPlan({
                    client: s.client,
                    target: s.target,
                    allowRetag: request.allowRetag ?? false,
                    forceChannelTags: request.forceChannelTags ?? false,
                    sbom: request.sbom ?? true,
                    ancestry,
                    repoDir: request.repoDir,
                    packagesRoot: request.policy.packagesRoot,
                    progress,
                    log,
                    sbomPackages,
                    // Mount from a repository of the same registry that has the blob: one upload per registry.
                    mountSources: (_digest, layer) => states
                        .filter((o) => o !== s &&
                        !o.failure &&
                        o.target.host === s.target.host &&
                        (blobsDone.has(o) || (layer?.inTargets.includes(o.target.display) ?? false)))
                        .map((o) => o.target.repository),
                }, images);
            for (const phase of pushPhases)
                await onEachTarget(states, phase.name, async (s) => {
                    await phase.run(s.plan);
                    if (phase.name === 'uploading blobs')
                        blobsDone.add(s);
                }, log);
        }
        const counted = new Set();
        const channelTag = channelTags(request.policy);
        const result = {
            images: [],
            targets: states.map((s) => ({
                image: s.target.display,
                host: s.target.host,
                status: !request.push ? 'not pushed' : s.failure ? 'failed' : 'published',
                ...(s.failure ? { error: `${s.failure.phase}: ${engine_oneLine(s.failure.error)}` } : {}),
            })),
            bytesUploaded: 0,
        };
        for (const s of request.push ? states.filter((x) => !x.failure) : [states[0]])
            for (const [i, a] of images.entries()) {
                const channel = a.job.channel.name;
                result.images.push(imageResult(a, s.target, s.plan?.outcomes[i], counted, rebuildReasons(a, s.previous.get(channel), channelTag.get(channel))));
            }
        result.bytesUploaded = result.images.reduce((n, i) => n + i.bytesUploaded, 0);
        if (request.layoutDir) {
            await writeLayout(request.layoutDir, images, primary.display);
            result.layoutDir = request.layoutDir;
        }
        if (request.archiveFile)
            result.archive = {
                file: request.archiveFile,
                ...(await writeArchive(request.archiveFile, images, primary.display)),
            };
        return result;
    }
    finally {
        stopTicks?.();
        progress.end();
        reader.close();
        await layerSet?.dispose();
    }
}

;// CONCATENATED MODULE: ./src/publish-image/clients.ts
// One registry client per host for a run: credentials (explicit for the target host, else the Docker config),
// plain HTTP when asked, secrets and retries reported to the caller.

/** The registry API host of an image reference, the first of a list (where explicit credentials go). */
function imageHost(image) {
    try {
        return parseImageReference(image.split(/[,\n]/)[0].trim()).apiHost;
    }
    catch {
        return '';
    }
}
function registryClients(o = {}) {
    const clients = new Map();
    const clientFor = (host) => {
        let client = clients.get(host);
        if (!client) {
            const options = {
                ...(o.insecure ? { insecure: true } : {}),
                ...(o.credentials && o.credentials.host === host
                    ? { credentials: { username: o.credentials.username, password: o.credentials.password } }
                    : {}),
                ...(o.onSecret ? { onSecret: o.onSecret } : {}),
                ...(o.onRetry
                    ? {
                        onEvent: (e) => {
                            if (e.type === 'retry')
                                o.onRetry(e.operation, e.attempt, e.reason);
                        },
                    }
                    : {}),
            };
            clients.set(host, (client = new RegistryClient(host, options)));
        }
        return client;
    };
    return {
        clientFor,
        close: () => {
            for (const c of clients.values())
                c.close();
        },
    };
}

;// CONCATENATED MODULE: ./src/cli/io.ts
const processIO = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
};

;// CONCATENATED MODULE: ./src/cli/publish-image.ts
// `package-storage publish-image`: build a channel's distribution image from the local clone and push it, or write
// it as an OCI layout or an air-gapped archive. No Docker daemon.















const publishUsage = `usage: package-storage publish-image --repo DIR --channel CH --image NAME --base-image REF [--registry-version V]
                                    [--chain] [--push] [--layout DIR] [--archive FILE] [--platform P]
                                    [--label K=V] [--annotation K=V] [--force-channel-tags] [--skip-sbom]
                                    [--jobs N] [--insecure-registry] [--username U --password-stdin]
                                    [--config FILE] [--json]

Builds the distribution image of channel CH from git trees (CH's packages and every more stable channel's at
/packages/<channel>/...), with no Docker daemon, and pushes it and/or writes it to disk.
  --repo DIR          the storage repository (default: .)
  --channel CH        channel(s), comma-separated
  --chain             also every less stable channel than those of --channel
  --image NAME        target repository without tag, e.g. ghcr.io/acme/distribution; several (mirrors, possibly
                      on other registries) comma-separated: built once, each blob uploaded once per registry
  --base-image REF    package-registry image repository (tag = registry version), a full reference,
                      oci:DIR[:TAG] (an OCI layout on disk) or scratch
  --registry-version  e.g. v1.15.0 (default: ARG PACKAGE_REGISTRY= in the channel branch's Dockerfile)
  --push              push to the registry: tags <branch> (moves forward only), <commit sha> (immutable),
                      and an SPDX SBOM attached to each image
  --skip-sbom         attach no SBOM
  --layout DIR        write an OCI image layout
  --archive FILE      write one tar that is both an OCI layout and a docker save archive (docker load)
  --platform P        base platforms to publish, e.g. linux/amd64,linux/arm64 (default: all the base has; more
                      than one makes an index)
  --label K=V         extra config label (repeatable)
  --annotation K=V    extra annotation on manifests and index; manifest: or index: before K for one (repeatable)
  --force-channel-tags  move channel tags even to an image whose commit does not descend from the tag's
  --jobs N            layers built side by side, each on a worker thread (default: the number of cores)
  --insecure-registry plain HTTP to the registries (loopback addresses always are)
  --username U        user for the first --image's registry (with --password-stdin); the others (and this one
                      without it) use the Docker config, which holds one entry per registry
  --password-stdin    read the target registry's password from standard input
  --config FILE       policy file (default: .github/package-storage.yml on the default branch)
  --json              print the result as JSON
Credentials default to the Docker config file (docker login, docker/login-action).
Exit: 0 done, 2 usage, 3 git or registry failure (an immutable tag that points elsewhere is a failure; with
several --image, any target that failed, after the others were published).`;
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
}
async function sourceUrl(repoDir) {
    const result = await git_gitRaw(['remote', 'get-url', 'origin'], { cwd: repoDir, okCodes: [2, 128] });
    const url = result.stdout.toString('utf8').trim();
    if (!/^https?:\/\//.test(url))
        return undefined;
    // A remote may carry a token (`user:token@`, `?access_token=`): labels and the SBOM are public.
    return publicUrl(url).replace(/\.git$/, '');
}
function reportPublish(io, result) {
    const several = result.targets.length > 1;
    for (const image of result.images) {
        io.out(`${several ? `${safeLine(image.name)} ` : ''}${image.channel}: ${image.digest}  (${image.packages} package versions, registry ${image.registryVersion}, base ${safeLine(image.base)})`);
        io.out(`  ${image.why.length === 0 ? 'unchanged' : `why: ${safeLine(image.why.join('; '))}`}`);
        io.out(`  layers: ${image.layers.total} (${image.layers.base} base, ${image.layers.reused} reused, ${image.layers.built} built; ${image.layers.uploaded} uploaded, ${image.layers.mounted} mounted), ${image.bytesUploaded} bytes uploaded`);
        if (image.platforms.length > 1)
            io.out(`  platforms: ${image.platforms.map((p) => `${p.platform} ${p.digest}`).join(', ')}`);
        for (const tag of image.tags) {
            const t = tag.slice(tag.lastIndexOf(':') + 1);
            const state = image.unchangedTags.includes(t)
                ? ' (unchanged)'
                : image.keptTags.includes(t)
                    ? ' (kept)'
                    : '';
            io.out(`  ${safeLine(tag)}${state}`);
        }
        for (const note of image.notes)
            io.out(`  note: ${safeLine(note)}`);
        if (image.sbom)
            io.out(`  SBOM: ${image.sbom.via === 'existing' ? 'already attached' : `${image.sbom.digest} (${image.sbom.via === 'tag' ? 'referrers tag' : 'referrers API'})`}`);
    }
    for (const t of result.targets)
        if (t.status === 'failed')
            io.out(`${safeLine(t.image)}: FAILED ${safeLine(t.error ?? '')}`);
    if (result.layoutDir)
        io.out(`OCI layout: ${result.layoutDir}`);
    if (result.archive)
        io.out(`archive: ${result.archive.file} (${result.archive.size} bytes, ${result.archive.digest})`);
}
async function publishImageCommand(argv, io) {
    // A status line rewritten in place only on a terminal; plain lines otherwise (CI logs, tests).
    const tty = io === processIO && process.stderr.isTTY === true;
    const values = parse('publish-image', argv, {
        repo: { type: 'string', default: '.' },
        channel: { type: 'string' },
        chain: { type: 'boolean', default: false },
        image: { type: 'string' },
        'base-image': { type: 'string' },
        'registry-version': { type: 'string' },
        push: { type: 'boolean', default: false },
        layout: { type: 'string' },
        archive: { type: 'string' },
        'insecure-registry': { type: 'boolean', default: false },
        platform: { type: 'string' },
        label: { type: 'string', multiple: true },
        annotation: { type: 'string', multiple: true },
        'force-channel-tags': { type: 'boolean', default: false },
        'skip-sbom': { type: 'boolean', default: false },
        jobs: { type: 'string' },
        username: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    required('publish-image', values, 'channel', 'image', 'base-image');
    if (values['password-stdin'] && !values.username)
        throw new UsageError('--password-stdin needs --username');
    // Before anything else touches them: a reference with credentials is refused without repeating the password.
    for (const [flag, ref] of [
        ...values.image.split(/[,\n]/).map((i) => ['--image', i.trim()]),
        ['--base-image', values['base-image']],
    ]) {
        const redacted = redactedUserinfo(ref);
        if (redacted !== undefined)
            throw new UsageError(`${flag}: ${new CredentialsInReferenceError(redacted).message}`);
    }
    const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
    if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64))
        throw new UsageError(`--jobs ${JSON.stringify(values.jobs)}: give a whole number from 1 to 64`);
    const platforms = parsePlatforms(values.platform ?? '');
    const metadata = parseExtraMetadata((values.label ?? []).join('\n'), (values.annotation ?? []).join('\n'));
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    let channels = list(values.channel);
    if (values.chain) {
        const most = channels.map((c) => channelByName(policy, c)).filter((c) => c !== undefined);
        const from = Math.min(...most.map((c) => policy.channels.indexOf(c)));
        channels = [...new Set([...channels, ...policy.channels.slice(from).map((c) => c.name)])];
    }
    const tips = await localBranchTips(repoDir, policy.channels.map((c) => c.branch));
    const password = values['password-stdin'] ? await readStdin() : undefined;
    const clients = registryClients({
        ...(values['insecure-registry'] ? { insecure: true } : {}),
        ...(values.username && password !== undefined
            ? { credentials: { host: imageHost(values.image), username: values.username, password } }
            : {}),
    });
    const source = await sourceUrl(repoDir);
    const reporter = progressReporter({
        write: (text) => (tty ? process.stderr.write(text) : io.err(safeLine(text.replace(/\n$/, '')))),
        tty,
    });
    try {
        const result = await publishImages({
            repoDir,
            policy,
            channels,
            tips,
            image: values.image,
            baseImage: values['base-image'],
            ...(values['registry-version'] ? { registryVersion: values['registry-version'] } : {}),
            push: values.push ?? false,
            ...(values.layout ? { layoutDir: (0,external_node_path_namespaceObject.resolve)(values.layout) } : {}),
            ...(values.archive ? { archiveFile: (0,external_node_path_namespaceObject.resolve)(values.archive) } : {}),
            clientFor: clients.clientFor,
            ...(source ? { sourceUrl: source } : {}),
            allowRetag: policy.release.allowOverwrite,
            ...(platforms.length > 0 ? { platforms } : {}),
            metadata,
            forceChannelTags: values['force-channel-tags'] ?? false,
            sbom: !(values['skip-sbom'] ?? false),
            ...(jobs !== undefined ? { concurrency: jobs } : {}),
            // The report below says everything per image; the git fetch and the ancestry fetch are worth a line.
            log: (line) => {
                if (!values.json && /^fetch/.test(line))
                    io.err(safeLine(line));
            },
            ...(values.json ? {} : { onProgress: reporter.listener, progressTicks: (p) => reporter.run(p) }),
        });
        if (values.json)
            io.out(JSON.stringify(result));
        else
            reportPublish(io, result);
        const failed = result.targets.filter((t) => t.status === 'failed');
        for (const t of failed)
            io.err(`package-storage publish-image: ${safeLine(t.image)} failed: ${safeLine(t.error ?? '')}`);
        return failed.length > 0 ? 3 : 0;
    }
    finally {
        clients.close();
    }
}

;// CONCATENATED MODULE: ./src/publish-image/release.ts
// Stack release tags: a git tag per released stack version at the most stable channel's tip (never moved once it
// exists), and the image <image>:<version> pointing, by digest, at the published image of that tag's commit.










/**
 * `8.15.0`, `v8.15.0` -> `8.15.0`; `8.16.0-rc1` kept; anything that is not plain semver is a usage error (it
 * doubles as an image tag and a git tag): no leading zeros (`08.15.0` would sort and compare as another version
 * than it reads), no build metadata (`+` is not allowed in image tags).
 */
function normalizeReleaseVersion(input) {
    const version = input.trim().replace(/^v/, '');
    const plain = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version) && semver_default().valid(version) === version;
    if (!plain || version.length > 128)
        throw new UsageError(`invalid release version ${JSON.stringify(safeLine(input.slice(0, 140)))}: expected plain semver X.Y.Z with an optional -prerelease and no leading zeros (e.g. 8.15.0, 8.16.0-rc1)`);
    return version;
}
/** Versions from a list input or a file: commas, whitespace or lines; `#` starts a comment. Deduplicated, in order. */
function parseReleaseList(text) {
    const versions = text
        .split('\n')
        .map((l) => l.replace(/#.*$/, ''))
        .flatMap((l) => l.split(/[,\s]+/))
        .filter(Boolean)
        .map(normalizeReleaseVersion);
    return [...new Set(versions)];
}
/** The commits the tags of `versions` point at (peeled), in one request to origin or from local refs. */
async function existingTags(repoDir, versions, remote) {
    const found = new Map();
    if (!remote) {
        for (const version of versions) {
            const commit = await revParse(repoDir, `refs/tags/${version}`);
            if (commit)
                found.set(version, commit);
        }
        return found;
    }
    if (versions.length === 0)
        return found;
    const refs = versions.flatMap((v) => [`refs/tags/${v}`, `refs/tags/${v}^{}`]);
    const result = await git_gitRaw(['ls-remote', '--tags', 'origin', ...refs], { cwd: repoDir });
    const lines = result.stdout
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t'));
    for (const version of versions) {
        const ref = `refs/tags/${version}`;
        // An annotated tag lists its commit as `<ref>^{}`.
        const peeled = lines.find(([, r]) => r === `${ref}^{}`) ?? lines.find(([, r]) => r === ref);
        if (peeled?.[0])
            found.set(version, peeled[0]);
    }
    return found;
}
async function existingTag(repoDir, version, remote) {
    return (await existingTags(repoDir, [version], remote)).get(version);
}
async function createTag(repoDir, version, commit, push) {
    const ref = `refs/tags/${version}`;
    if (!push) {
        // `update-ref <ref> <new> ''`: fails if the tag appeared meanwhile; never moves an existing one.
        await git_gitRaw(['update-ref', ref, commit, ''], { cwd: repoDir });
        return 'created';
    }
    const result = await git_gitRaw(['push', '--porcelain', '--no-verify', 'origin', `${commit}:${ref}`], {
        cwd: repoDir,
        okCodes: [1],
    });
    if (result.code === 0) {
        await git_gitRaw(['update-ref', ref, commit], { cwd: repoDir });
        return 'created';
    }
    // Someone else created it first: it is now an existing tag (and is never moved).
    if (await existingTag(repoDir, version, true))
        return 'existing';
    throw new errors_OperationError(`pushing tag ${version} failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
}
async function release(request) {
    const { repoDir, policy } = request;
    const log = request.log ?? (() => undefined);
    const stable = policy.channels[0];
    const results = [];
    // Every image reference is checked before anything is written: a bad one is a usage error, never a git tag
    // left without its image tag.
    if (request.image) {
        targetsOf(request.image.image);
        imageReference(request.image.baseImage, 'base image');
    }
    const known = await existingTags(repoDir, request.versions, request.pushTags);
    for (const version of request.versions) {
        let commit = known.get(version);
        let gitTag = 'existing';
        if (!commit) {
            gitTag = await createTag(repoDir, version, request.stableTip, request.pushTags);
            commit = gitTag === 'created' ? request.stableTip : await existingTag(repoDir, version, true);
            if (!commit)
                throw new errors_OperationError(`tag ${version} vanished while creating it`);
            log(gitTag === 'created'
                ? `tag ${version}: created at ${commit} (${stable.branch})`
                : `tag ${version}: made by someone else meanwhile`);
        }
        else
            log(`tag ${version}: exists at ${commit}`);
        const result = { version, commit, gitTag };
        if (request.image) {
            const { image, mirrors } = await releaseImage(request, version, commit, log);
            result.image = image;
            if (mirrors.length > 0)
                result.mirrors = mirrors;
        }
        results.push(result);
    }
    return results;
}
/** `<target>:<version>` pointed at the target's image of `commit` (by digest). */
async function tagRelease(request, target, version, source, built, log) {
    const client = request.image.clientFor(target.host);
    const repo = target.repository;
    const reference = `${target.display}:${version}`;
    const existing = await client.headManifest(repo, version);
    const subject = { 'subject-name': target.display, 'subject-digest': source.digest };
    if (existing?.digest === source.digest)
        return { reference, digest: source.digest, ...subject, operation: 'unchanged', built };
    if (existing && !request.policy.release.allowOverwrite)
        throw new errors_OperationError(`${reference} already points at ${existing.digest}, not at the image of tag ${version} (${source.digest}); release tags are not moved unless the policy sets release.allow-overwrite`);
    try {
        const manifest = await client.getManifest(repo, source.digest);
        await client.putManifest(repo, version, manifest.bytes, manifest.mediaType);
    }
    catch (error) {
        if (error instanceof RegistryError)
            throw error;
        throw new errors_OperationError(`tagging ${reference}: ${error instanceof Error ? error.message : String(error)}`);
    }
    log(`${reference} -> ${source.digest}${existing ? ` (moved from ${existing.digest})` : ''}`);
    return { reference, digest: source.digest, ...subject, operation: existing ? 'retagged' : 'tagged', built };
}
/**
 * The release image tag in every target repository (the first is `image`, the others `mirrors`): each checked
 * before any is written, the commit's image built once for all targets where one lacks it.
 */
async function releaseImage(request, version, commit, log) {
    const image = request.image;
    const targets = targetsOf(image.image);
    const sources = async () => Promise.all(targets.map((t) => image.clientFor(t.host).headManifest(t.repository, commit)));
    let found = await sources();
    let built = false;
    if (found.some((f) => !f)) {
        // The commit's image was never published (or was deleted): build it, without moving the channel's tag.
        log(`image of ${commit} not found: building it`);
        const stable = request.policy.channels[0];
        const hasCommit = await revParse(request.repoDir, commit);
        if (!hasCommit)
            await fetch(request.repoDir, [commit], { depth: 1, treesOnly: true });
        const result = await publishImages({
            ...image,
            repoDir: request.repoDir,
            policy: request.policy,
            channels: [stable.name],
            tips: new Map([[stable.branch, commit]]),
            push: true,
            movingTags: false,
        });
        const failed = result.targets.find((t) => t.status === 'failed');
        if (failed)
            throw new errors_OperationError(`building the image of ${commit} failed on ${failed.image}: ${failed.error ?? ''}`);
        built = true;
        found = await sources();
    }
    const missing = targets.find((_, i) => !found[i]);
    if (missing)
        throw new errors_OperationError(`the image of ${commit} is still missing in ${missing.display} after building it`);
    for (const [i, t] of targets.entries()) {
        const existing = await image.clientFor(t.host).headManifest(t.repository, version);
        if (existing && existing.digest !== found[i].digest && !request.policy.release.allowOverwrite)
            throw new errors_OperationError(`${t.display}:${version} already points at ${existing.digest}, not at the image of tag ${version} (${found[i].digest}); release tags are not moved unless the policy sets release.allow-overwrite`);
    }
    const tagged = [];
    for (const [i, t] of targets.entries())
        tagged.push(await tagRelease(request, t, version, found[i], built, log));
    return { image: tagged[0], mirrors: tagged.slice(1) };
}
/** Current tip of the most stable channel on origin, fetched (trees only) so a tag can point at it. */
async function stableTipOnOrigin(repoDir, policy) {
    const branch = policy.channels[0].branch;
    const tip = (await fetchBranches(repoDir, [branch], { treesOnly: true })).get(branch);
    if (!tip)
        throw missingBranchError(policy.channels[0]);
    return tip;
}

;// CONCATENATED MODULE: ./src/cli/release.ts
// `package-storage release`: git tags for stack versions at the most stable channel's tip, and optionally the
// image tag <image>:<version> for each, by digest.








const releaseUsage = `usage: package-storage release --repo DIR --versions V[,V...] [--push]
                              [--image NAME --base-image REF [--registry-version V] [--insecure-registry]] [--config FILE] [--json]

For each stack version without a git tag, creates the tag at the tip of the most stable channel (production); an
existing tag is never moved. With --image, points <image>:<version> at the published image of the tag's commit
(by digest; built when missing).
  --repo DIR           the storage repository (default: .)
  --versions V         8.15.0, v8.15.0 (the v is dropped), 8.16.0-rc1 (comma-separated)
  --push               push created tags to origin (and read existing tags from origin)
  --image NAME         also tag <NAME>:<version>, e.g. ghcr.io/acme/distribution
  --base-image REF     package-registry image repository, to build an image that is missing (as publish-image)
  --registry-version V e.g. v1.15.0 (default: ARG PACKAGE_REGISTRY= in the tagged commit's Dockerfile)
  --insecure-registry  plain HTTP to the registries (loopback addresses always are)
  --config FILE        policy file (default: .github/package-storage.yml on the default branch)
  --json               print {"releases": [...]} instead of text
Exit: 0 done, 2 invalid version or usage, 3 git or registry failure (e.g. an image tag that points elsewhere).`;
async function releaseCommand(argv, io) {
    const values = parse('release', argv, {
        repo: { type: 'string', default: '.' },
        versions: { type: 'string' },
        push: { type: 'boolean', default: false },
        image: { type: 'string' },
        'base-image': { type: 'string' },
        'registry-version': { type: 'string' },
        'insecure-registry': { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    required('release', values, 'versions');
    const versions = parseReleaseList(values.versions);
    if (versions.length === 0)
        throw new UsageError('--versions lists no version');
    if (values.image && !values['base-image'])
        throw new UsageError('--image needs --base-image (to build a missing image)');
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    const stable = policy.channels[0];
    const stableTip = values.push
        ? await stableTipOnOrigin(repoDir, policy)
        : (await resolveBranch(repoDir, stable.branch))?.sha;
    if (!stableTip)
        throw missingBranchError(stable);
    const clients = registryClients(values['insecure-registry'] ? { insecure: true } : {});
    try {
        const results = await release({
            repoDir,
            policy,
            versions,
            pushTags: values.push ?? false,
            stableTip,
            ...(values.image
                ? {
                    image: {
                        image: values.image,
                        baseImage: values['base-image'],
                        clientFor: clients.clientFor,
                        ...(values['registry-version'] ? { registryVersion: values['registry-version'] } : {}),
                        allowRetag: policy.release.allowOverwrite,
                    },
                }
                : {}),
            ...(values.json ? {} : { log: (line) => io.err(safeLine(line)) }),
        });
        if (values.json)
            io.out(JSON.stringify({ releases: results }));
        else
            for (const r of results)
                io.out(`${r.version}: tag ${r.gitTag} at ${r.commit}${r.image ? `; ${safeLine(r.image.reference)} ${r.image.operation} -> ${r.image.digest}${r.image.built ? ' (built)' : ''}` : ''}`);
        return 0;
    }
    finally {
        clients.close();
    }
}

;// CONCATENATED MODULE: ./src/core/rules/merge-conflict.ts

function mergeConflictFinding(what, branch, files) {
    const shown = files.slice(0, listedPaths);
    return {
        rule: 'merge-conflict',
        severity: 'error',
        message: `${what} does not merge cleanly into ${branch}: ${files.length} conflicting file${files.length === 1 ? '' : 's'}${shown.length ? ` (${shown.map((f) => quote(f)).join(', ')}${files.length > shown.length ? ', …' : ''})` : ''}; merge ${branch} into it or rebase it, resolve the conflicts, and the check runs again`,
        ...(shown[0] !== undefined ? { path: shown[0] } : {}),
        ...(files.length > 1 ? { count: files.length, paths: shown } : {}),
    };
}

;// CONCATENATED MODULE: ./src/git/merge.ts
// What merging a head into a channel branch produces: the merged tree (exactly what a PR would change), or the
// files that conflict. A conflict is a result to report, not a failure of the tool.



/**
 * `head` merged into `base`: a fast-forward is `head` itself; otherwise `git merge-tree --write-tree` (needs the
 * history down to a merge base). Conflicts come back as the conflicting paths. With `objects`, a head a few
 * commits ahead of `base` (most PRs) is recognised from the commits themselves, without starting git again.
 */
async function mergeTrees(repoDir, base, head, objects) {
    if (objects && (await descendsWithin(objects, base, head)))
        return { kind: 'merged', tree: head };
    const ancestor = await git_gitRaw(['merge-base', '--is-ancestor', base, head], {
        cwd: repoDir,
        okCodes: [1, 128],
    });
    if (ancestor.code === 0)
        return { kind: 'merged', tree: head };
    const result = await git_gitRaw(['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', base, head], {
        cwd: repoDir,
        okCodes: [1, 128],
    });
    const fields = result.stdout
        .toString('latin1')
        .split('\0')
        .filter((f) => f.length > 0);
    if (result.code === 0)
        return { kind: 'merged', tree: fields[0].trim() };
    if (result.code === 1) {
        const files = [...new Set(fields.slice(1).map((f) => decodeName(Buffer.from(f, 'latin1')).name))].sort();
        return { kind: 'conflict', files };
    }
    if (/unrelated histories|no merge base/i.test(result.stderr))
        throw new UsageError(`${head} and ${base} share no history here (a shallow clone?): fetch more history (git fetch --unshallow) or pass a --head that descends from --base`);
    throw new errors_OperationError(`git merge-tree failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
}
/** Commits read at most to find `base` among `head`'s ancestors before asking `git merge-base`. */
const NEAR_ANCESTRY_COMMITS = 64;
/**
 * Whether `base` is `head` or one of its nearest {@link NEAR_ANCESTRY_COMMITS} ancestors (breadth first, all
 * parents). False means "not found so near", not "not an ancestor": the caller then asks git.
 */
async function descendsWithin(objects, base, head, limit = NEAR_ANCESTRY_COMMITS) {
    const [baseId, headId] = await Promise.all([objects.commitId(base), objects.commitId(head)]);
    if (!baseId || !headId)
        return false;
    const seen = new Set([headId]);
    let level = [headId];
    while (level.length > 0) {
        if (level.includes(baseId))
            return true;
        if (seen.size > limit)
            return false;
        const commits = await Promise.all(level.map((oid) => objects.read(oid)));
        const next = [];
        for (const commit of commits) {
            if (commit?.type !== 'commit')
                return false;
            for (const parent of commitParents(commit.content))
                if (!seen.has(parent)) {
                    seen.add(parent);
                    next.push(parent);
                }
        }
        level = next;
    }
    return false;
}
/** The parent ids of a commit object's content (its header lines before the first blank line). */
function commitParents(content) {
    const end = content.indexOf('\n\n');
    const header = content.subarray(0, end === -1 ? content.length : end).toString('latin1');
    const parents = [];
    for (const line of header.split('\n')) {
        if (line.startsWith('parent '))
            parents.push(line.slice('parent '.length));
        else if (parents.length > 0)
            break;
    }
    return parents;
}

;// CONCATENATED MODULE: ./src/cli/validate.ts
// `package-storage validate`: the same engine as the action, on a local clone.













const validateUsage = (/* unused pure expression or super */ null && (`usage: package-storage validate --repo DIR --base BRANCH --head REV [--title TEXT] [--exception] [--config FILE] [--json]

Checks what merging REV into the channel branch BRANCH would change, against the policy.
  --repo DIR       the storage repository (default: .)
  --base BRANCH    channel branch the change goes into (refs/heads/BRANCH, else refs/remotes/origin/BRANCH)
  --head REV       the change: a branch, tag or commit
  --title TEXT     PR title to check against the title prefix rule
  --exception      treat the change as carrying an approved exception (violations of overwrite, removal,
                   version-increment, not-promoted, shadowed, title-prefix and frozen become notices, except
                   where the channel's setting is never)
  --config FILE    policy file (default: .github/package-storage.yml on the default branch, else built-in defaults)
  --json           print {"result", "violations": [...]} instead of text
Exit: 0 pass, 1 violations, 2 usage or configuration error, 3 git failure.`));
async function validateCommand(argv, io) {
    const values = parse('validate', argv, {
        repo: { type: 'string', default: '.' },
        base: { type: 'string' },
        head: { type: 'string' },
        title: { type: 'string' },
        exception: { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    required('validate', values, 'base', 'head');
    // One `git cat-file` for the policy, the commits and the change, and one ref listing for every branch: a small
    // check costs little more than starting node. The reader starts first, so both processes start side by side.
    const objects = new ObjectReader((0,external_node_path_namespaceObject.resolve)(values.repo));
    objects.start();
    try {
        return await validateLocal(values, objects, io);
    }
    finally {
        objects.close();
    }
}
async function validateLocal(values, objects, io) {
    const { repoDir, policy, source, refs } = await openLocalRepo(values.repo, values.config, objects);
    const channel = channelByBranch(policy, values.base);
    if (!channel)
        throw new UsageError(`${values.base} is not a channel branch (channels: ${policy.channels.map((c) => `${c.name} on ${c.branch}`).join(', ')})`);
    const baseSha = branchTip(refs, channel.branch);
    if (!baseSha)
        throw new UsageError(`branch ${channel.branch} not found (refs/heads/${channel.branch} or refs/remotes/origin/${channel.branch})`);
    const base = { sha: baseSha };
    const head = await objects.commitId(values.head);
    if (!head)
        throw new UsageError(`--head ${values.head} is not a commit in ${repoDir}`);
    const merged = await mergeTrees(repoDir, base.sha, head, objects);
    const channelTips = new Map();
    const missing = [];
    for (const c of policy.channels) {
        if (c === channel)
            continue;
        const tip = branchTip(refs, c.branch);
        channelTips.set(c.name, tip);
        if (!tip)
            missing.push(c.branch);
    }
    const outcome = merged.kind === 'conflict'
        ? {
            findings: [mergeConflictFinding(values.head, channel.branch, merged.files)],
            changes: [],
        }
        : await evaluate({
            repoDir,
            policy,
            channel,
            before: base.sha,
            after: merged.tree,
            channelTips,
            reader: new StorageReader(repoDir, policy.packagesRoot, objects),
            ...(values.title !== undefined ? { title: values.title } : {}),
            ...(values.exception ? { approval: { by: 'command line', via: 'cli' } } : {}),
        });
    const result = failed(outcome.findings) ? 'fail' : 'pass';
    if (values.json) {
        io.out(JSON.stringify({
            result,
            violations: outcome.findings.filter(isViolation).map(findingJson),
            notices: outcome.findings.filter((f) => !isViolation(f)).map(findingJson),
            changes: outcome.changes.map((c) => ({
                package: c.name,
                version: c.version,
                change: c.kind,
                verdict: c.verdict,
            })),
        }));
    }
    else {
        io.out(`policy: ${safeLine(source)}`);
        io.out(`checking ${safeLine(values.head)} into ${channel.branch} (channel ${channel.name}): ${outcome.changes.length} version change(s)`);
        if (missing.length)
            io.out(`note: no branch for ${missing.join(', ')}; treated as empty`);
        for (const c of outcome.changes)
            io.out(`  ${c.kind.padEnd(8)} ${safeLine(`${c.name}@${c.version}`)}  ${c.verdict}`);
        for (const f of outcome.findings) {
            const where = f.path ? ` ${safeLine(f.path)}${f.line ? `:${f.line}` : ''}` : '';
            io.out(`${f.severity.padEnd(7)} ${f.rule}${where}: ${safeLine(f.message)}`);
        }
        const errors = outcome.findings.filter((f) => f.severity === 'error').length;
        io.out(result === 'pass' ? 'result: pass' : `result: fail (${errors} violation${errors === 1 ? '' : 's'})`);
    }
    return result === 'pass' ? 0 : 1;
}

;// CONCATENATED MODULE: ./src/cli/invoke.ts



/** The help of a command run without its usage text at hand (the demo's nested runs): its options, one a line. */
function optionList(help) {
    const names = Object.entries(help.options).map(([name, o]) => `  ${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ' VALUE' : ''}`);
    return [`usage: package-storage ${help.command} [options]`, ...names].join('\n');
}
/**
 * Runs one command: `-h`/`--help` prints `usage` and exits 0; an error becomes a one-line message and its exit code,
 * never a stack trace.
 */
async function invoke(name, run, argv, io, usage) {
    try {
        return await run(argv, io);
    }
    catch (error) {
        if (error instanceof HelpRequested) {
            io.out(usage ?? optionList(error));
            return 0;
        }
        for (const line of errorMessage(error).split('\n'))
            io.err(`package-storage ${name}: ${safeLine(line)}`);
        return exitCodeOf(error);
    }
}

;// CONCATENATED MODULE: ./src/cli/demo/base-image.ts
// A stand-in for the package-registry base image, written as an OCI layout, so the demo needs no registry or
// network. It holds what the real one's layout looks like (the server binary is a placeholder that is never run).



async function writeDemoBaseImage(dir, tag) {
    const files = [
        [
            'package-registry/package-registry',
            '#!/bin/sh\necho "demo stand-in for the package-registry server"\n',
        ],
        ['package-registry/config.yml', 'package_paths:\n  - /packages/package-registry\n'],
    ];
    const layer = await buildLayer(files.map(([path, text]) => ({
        path,
        type: 'file',
        mode: path.endsWith('package-registry') ? 0o755 : 0o644,
        size: Buffer.byteLength(text),
        content: Buffer.from(text),
    })));
    const image = buildImage(undefined, [
        {
            diffId: layer.diffId,
            digest: layer.digest,
            size: layer.size,
            mediaType: layer.mediaType,
            createdBy: 'demo base image',
        },
    ], {
        created: 0,
        workingDir: '/package-registry',
        entrypoint: ['./package-registry'],
        env: { EPR_ADDRESS: '0.0.0.0:8080' },
        labels: { 'org.opencontainers.image.title': 'package-registry (demo stand-in)' },
    });
    await writeOciLayout(dir, [{ image, refs: [tag], blobs: [layer] }]);
    await layer.dispose();
}

;// CONCATENATED MODULE: ./src/cli/demo/repo.ts
// A throwaway storage repository for the demo, made with ordinary git commands in a scratch work tree and
// pushed to a bare origin, as maintainers would.



const identity = {
    GIT_AUTHOR_NAME: 'Demo Maintainer',
    GIT_AUTHOR_EMAIL: 'maintainer@example.com',
    GIT_COMMITTER_NAME: 'Demo Maintainer',
    GIT_COMMITTER_EMAIL: 'maintainer@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
};
function packageFiles(p) {
    const title = p.name.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
    return {
        'manifest.yml': [
            'format_version: 1.0.0',
            `name: ${p.name}`,
            `title: ${title}`,
            `version: ${p.manifestVersion ?? p.version}`,
            `description: Collect logs and metrics from ${title}.`,
            'type: integration',
            `release: ${p.release ?? 'ga'}`,
            'categories:',
            '  - observability',
            'conditions:',
            `  kibana.version: "${p.range ?? '^8.0.0'}"`,
            'owner:',
            '  github: elastic/demo-team',
            '',
        ].join('\n'),
        'docs/README.md': `# ${title}\n\nThe ${title} integration.${p.flavour ? ` (${p.flavour})` : ''}\n`,
        'changelog.yml': `- version: "${p.version}"\n  changes:\n    - description: Release ${p.version}.\n      type: enhancement\n`,
        'data_stream/log/manifest.yml': `title: ${title} logs\ntype: logs\n`,
    };
}
class DemoRepo {
    root;
    origin;
    work;
    constructor(root, origin, work) {
        this.root = root;
        this.origin = origin;
        this.work = work;
    }
    static async create(root) {
        const origin = (0,external_node_path_namespaceObject.join)(root, 'origin.git');
        const work = (0,external_node_path_namespaceObject.join)(root, 'work');
        await (0,promises_namespaceObject.mkdir)(root, { recursive: true });
        await git(['init', '--quiet', '--bare', '--initial-branch=main', origin], { cwd: root, env: identity });
        await git(['clone', '--quiet', origin, work], { cwd: root, env: identity });
        await git(['checkout', '--quiet', '--orphan', 'main'], { cwd: work, env: identity });
        return new DemoRepo(root, origin, work);
    }
    run(args) {
        return git(args, { cwd: this.work, env: identity });
    }
    /** Starts `branch` from `from` (or empty) in the scratch work tree. */
    async checkout(branch, from) {
        if (from)
            await this.run(['checkout', '--quiet', '-B', branch, `origin/${from}`]);
        else {
            await this.run(['checkout', '--quiet', '--orphan', branch]);
            await this.run(['rm', '-r', '--quiet', '--cached', '--ignore-unmatch', '.']);
            await this.run(['clean', '-fdq']);
        }
    }
    async write(files) {
        for (const [path, content] of Object.entries(files)) {
            await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.join)(this.work, path)), { recursive: true });
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(this.work, path), content);
        }
    }
    async addPackage(p) {
        const prefix = `packages/${p.name}/${p.version}`;
        await (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(this.work, prefix), { recursive: true, force: true });
        await this.write(Object.fromEntries(Object.entries(packageFiles(p)).map(([f, c]) => [`${prefix}/${f}`, c])));
    }
    async removePackage(name, version) {
        await this.run(['rm', '-r', '--quiet', `packages/${name}/${version}`]);
    }
    /** Merges `branch` into `into` on origin the way a merge button does for an up-to-date PR (fast-forward). */
    async merge(branch, into) {
        await this.run(['fetch', '--quiet', 'origin']);
        await this.run(['push', '--quiet', 'origin', `refs/remotes/origin/${branch}:refs/heads/${into}`]);
        await this.run(['fetch', '--quiet', 'origin']);
        // Keep the local branch in step, as `git pull` would (the CLI prefers local branches).
        await this.run(['update-ref', `refs/heads/${into}`, `refs/remotes/origin/${into}`]);
    }
    /** Commits everything and pushes the branch to origin. */
    async commit(branch, message) {
        await this.run(['add', '--all']);
        await this.run(['commit', '--quiet', '--allow-empty', '-m', message]);
        await this.run(['push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`]);
        await this.run(['fetch', '--quiet', 'origin']);
        return (await this.run(['rev-parse', 'HEAD'])).trim();
    }
}

;// CONCATENATED MODULE: ./src/cli/demo/main.ts
// `package-storage demo`: a day in a storage repository on a throwaway repository on disk, with the checks,
// promotions, cleanups, images and release tag a maintainer would see. No network and no registry: images go to
// an OCI layout and an air-gapped archive.











const demoUsage = `usage: package-storage demo [--dir DIR] [--keep]

Builds a throwaway storage repository and walks a maintainer's day through it: a PR into snapshot, bad PRs that
the required check blocks, promotions to staging and production with the cleanup after each, the distribution
images (an OCI layout and an air-gapped archive) and a stack release tag. No network, no registry.
  --dir DIR   where to build it (default: a new temporary directory)
  --keep      keep the directory afterwards`;
async function demoCommand(argv, io) {
    const values = parse('demo', argv, {
        dir: { type: 'string' },
        keep: { type: 'boolean', default: false },
    });
    const root = values.dir ? (0,external_node_path_namespaceObject.resolve)(values.dir) : await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'package-storage-demo-'));
    let step = 0;
    let surprises = 0;
    const heading = (text) => io.out(`\n${++step}. ${text}`);
    const indented = { out: (l) => io.out(`   │ ${l}`), err: (l) => io.out(`   │ ${l}`) };
    const show = (a) => (/[\s"[\]()]/.test(a) ? JSON.stringify(a) : a);
    const shortPath = (a) => a.replace(`${root}/`, '');
    const run = async (name, command, args, expected) => {
        io.out(`   $ package-storage ${name} ${args.map((a) => show(shortPath(a))).join(' ')}`);
        const code = await invoke(name, command, args, indented);
        const meaning = code === 0 ? 'ok' : code === 1 ? 'blocked' : 'error';
        io.out(`   → exit ${code} (${meaning})${code === expected ? '' : `  ✗ expected exit ${expected}`}`);
        if (code !== expected)
            surprises++;
    };
    io.out(`package-storage demo: a storage repository at ${root}`);
    const repo = await DemoRepo.create(root);
    const work = repo.work;
    const layout = (0,external_node_path_namespaceObject.join)(root, 'images');
    const archive = (0,external_node_path_namespaceObject.join)(root, 'distribution.tar');
    const base = (0,external_node_path_namespaceObject.join)(root, 'base-image');
    /** The required check on a PR from `head` into `base`, as a maintainer would run it locally. */
    const check = (base, head, title, expected) => run('validate', validateCommand, ['--repo', work, '--base', base, '--head', head, '--title', title], expected);
    const publish = () => run('publish-image', publishImageCommand, [
        '--repo',
        work,
        '--channel',
        'production',
        '--chain',
        '--image',
        'registry.example.com/acme/distribution',
        '--base-image',
        `oci:${base}:v1.15.0`,
        '--layout',
        layout,
        '--archive',
        archive,
    ], 0);
    try {
        heading('The repository: production holds nginx 1.5.0, staging and snapshot hold their markers.');
        await repo.write({ 'README.md': '# Demo package storage\n' });
        await repo.commit('main', 'Initial commit');
        await repo.checkout('production');
        await repo.write({
            Dockerfile: 'ARG PACKAGE_REGISTRY=v1.15.0\nFROM docker.elastic.co/package-registry/package-registry:${PACKAGE_REGISTRY}\n',
        });
        await repo.addPackage({ name: 'nginx', version: '1.5.0' });
        await repo.commit('production', 'Initial production');
        // Each channel branch holds only its own packages; the images combine them.
        for (const channel of ['staging', 'snapshot']) {
            await repo.checkout(channel);
            await repo.write({ Dockerfile: 'ARG PACKAGE_REGISTRY=v1.15.0\n' });
            await repo.addPackage({ name: channel, version: '0.0.1' });
            await repo.commit(channel, `${channel} marker`);
        }
        await writeDemoBaseImage(base, 'v1.15.0');
        io.out('   (a stand-in package-registry base image is written as an OCI layout: no registry needed)');
        heading('A PR adds nginx 1.6.0 to snapshot: the required check passes, the PR merges.');
        await repo.checkout('add-nginx-1.6.0', 'snapshot');
        await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
        await repo.commit('add-nginx-1.6.0', 'Add nginx 1.6.0');
        await check('snapshot', 'origin/add-nginx-1.6.0', '[snapshot] Update "nginx" package to version 1.6.0', 0);
        await repo.merge('add-nginx-1.6.0', 'snapshot');
        heading('Bad PRs the check blocks: an in-place edit on production, and a version that skips staging.');
        await repo.checkout('fix-nginx-docs', 'production');
        await repo.addPackage({ name: 'nginx', version: '1.5.0', flavour: 'fixed typo' });
        await repo.commit('fix-nginx-docs', 'Fix nginx docs');
        await check('production', 'origin/fix-nginx-docs', 'Fix nginx docs', 1);
        await repo.checkout('nginx-straight-to-production', 'production');
        await repo.addPackage({ name: 'nginx', version: '1.6.0', range: '^8.10.0' });
        await repo.commit('nginx-straight-to-production', 'nginx 1.6.0');
        await check('production', 'origin/nginx-straight-to-production', '[production] Add nginx 1.6.0', 1);
        heading('The distribution images, built from git trees (the chain production -> staging -> snapshot).');
        await publish();
        heading('Promote nginx 1.6.0 to staging: one branch, tree for tree; the check passes; merge; clean up snapshot.');
        await run('promote', promoteCommand, ['--repo', work, '--from', 'snapshot', '--to', 'staging', '--packages', 'nginx@1.6.0', '--push'], 0);
        await check('staging', 'origin/promote/snapshot-to-staging', '[staging] Promote packages from snapshot (nginx-1.6.0)', 0);
        await repo.merge('promote/snapshot-to-staging', 'staging');
        await run('cleanup', cleanupCommand, ['--repo', work, '--channel', 'snapshot', '--push'], 0);
        await check('snapshot', 'origin/cleanup/snapshot', '[snapshot] Remove promoted packages (nginx-1.6.0)', 0);
        await repo.merge('cleanup/snapshot', 'snapshot');
        heading('A cleanup of staging before production has the version is blocked: it would leave no copy served.');
        await repo.checkout('early-cleanup', 'staging');
        await repo.removePackage('nginx', '1.6.0');
        await repo.commit('early-cleanup', 'Remove nginx 1.6.0 from staging');
        await check('staging', 'origin/early-cleanup', '[staging] Remove promoted packages (nginx-1.6.0)', 1);
        heading('Promote to production; merge; clean up staging. Then rebuild the images: unchanged layers are reused.');
        await run('promote', promoteCommand, ['--repo', work, '--from', 'staging', '--to', 'production', '--packages', 'nginx@latest', '--push'], 0);
        await check('production', 'origin/promote/staging-to-production', '[production] Promote packages from staging (nginx-1.6.0)', 0);
        await repo.merge('promote/staging-to-production', 'production');
        await run('cleanup', cleanupCommand, ['--repo', work, '--channel', 'staging', '--push'], 0);
        await repo.merge('cleanup/staging', 'staging');
        await publish();
        heading("The stack release 8.15.0: a git tag at production's tip (an existing tag is never moved).");
        await run('release', releaseCommand, ['--repo', work, '--versions', '8.15.0', '--push'], 0);
        await run('release', releaseCommand, ['--repo', work, '--versions', 'v8.15.0', '--push'], 0);
        await run('release', releaseCommand, ['--repo', work, '--versions', '8.15'], 2);
        io.out(`\nImages on disk: OCI layout ${shortPath(layout)}/, air-gapped archive ${shortPath(archive)} (docker load, or skopeo copy oci-archive:...).`);
        io.out(surprises === 0
            ? 'Demo finished: every step gave the verdict a maintainer should expect.'
            : `Demo finished with ${surprises} unexpected result(s).`);
        return surprises === 0 ? 0 : 1;
    }
    finally {
        if (values.keep)
            io.out(`kept: ${root}`);
        else
            await (0,promises_namespaceObject.rm)(root, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/core/served-index.ts
// What a channel's registry serves, as a pure function of what the served channels hold: the package-registry
// walks its `package_paths` most stable channel first and keeps the first copy of each name+version it finds, skips
// version directories that are not strict semver, and refuses packages whose manifest it cannot load. Its search
// then keeps the packages whose `conditions.kibana.version` range matches the Kibana version asked for (Masterminds
// semver: a prerelease Kibana version matches only a comparator that has a prerelease itself), hides prereleases
// unless asked (`prerelease=true`), and returns the newest version per name unless `all=true`.





/** `8.4.0`, `v8.4.0`, `8.4.0-SNAPSHOT`: the Kibana version as the registry's search takes it, or undefined. */
function parseKibanaVersion(text) {
    const version = text.trim().replace(/^v/, '');
    return isStrictSemver(version) ? version : undefined;
}
/**
 * Whether `kibana` satisfies `range` as Masterminds semver checks it: every comparator of one `||` alternative must
 * hold, and a prerelease version fails a comparator that has no prerelease of its own (node-semver's rule differs:
 * it asks for a comparator with a prerelease on the same major.minor.patch). Commas are AND, as in Masterminds.
 */
function kibanaMatches(range, kibana) {
    const parsed = new (semver_default()).Range(range.trim().replace(/\s*,\s*/g, ' '));
    const version = new (semver_default()).SemVer(kibana);
    const pre = version.prerelease.length > 0;
    return parsed.set.some((alternative) => alternative.every((c) => {
        if (c.value === '')
            return !pre; // `*`: any version, but a prerelease only where asked for
        if (pre && c.semver.prerelease.length === 0)
            return false;
        return semver_default().cmp(version, c.operator, c.semver);
    }));
}
/** The release level the registry gives a package (it derives one when the manifest has none). */
function effectiveRelease(version, fields) {
    if (fields.release && releaseLevels.includes(fields.release))
        return fields.release;
    const parsed = semver_default().parse(version);
    return parsed && (parsed.major === 0 || parsed.prerelease.length > 0) ? 'beta' : 'ga';
}
/** What the registry's search hides without `prerelease=true`. */
function isSearchPrerelease(version, release) {
    const parsed = semver_default().parse(version);
    return release === 'experimental' || !parsed || parsed.major === 0 || parsed.prerelease.length > 0;
}
/** Why the registry would not serve this directory at all, if it would not. */
function refusal(c) {
    if (c.version === '')
        return 'legacy flat directory (<name>-<version>): the registry reads <name>/<version>/ only';
    if (!isValidPackageName(c.name))
        return 'not in the image: the package name is not [a-z0-9_]+';
    if (!isStrictSemver(c.version))
        return 'the version directory is not strict semver: the registry ignores it';
    if ('problem' in c.manifest)
        return `the registry refuses it: ${c.manifest.problem}`;
    return undefined;
}
/**
 * The served index of `channel`: `candidates` are the version directories of its served channels (any order);
 * the result lists, sorted by name then version, what its registry's search returns with `options`.
 */
function servedIndex(policy, channel, candidates, options = {}) {
    const order = servedChannels(policy, channel).map((c) => c.name);
    const rank = new Map(order.map((c, i) => [c, i]));
    const ordered = candidates
        .filter((c) => rank.has(c.channel))
        .sort((a, b) => rank.get(a.channel) - rank.get(b.channel));
    const skipped = [];
    const first = new Map();
    for (const c of ordered) {
        const skip = (reason) => {
            skipped.push({ name: c.name, version: c.version, channel: c.channel, reason });
        };
        const refused = refusal(c);
        if (refused) {
            skip(refused);
            continue;
        }
        const key = `${c.name}\0${c.version}`;
        const winner = first.get(key);
        if (winner) {
            skip(`shadowed by the ${winner.channel} copy (the registry serves the first copy it finds)`);
            continue;
        }
        const fields = c.manifest.fields;
        first.set(key, {
            name: c.name,
            version: c.version,
            channel: c.channel,
            kibana: fields.kibanaRange ?? null,
            release: effectiveRelease(c.version, fields),
            tree: c.tree,
        });
    }
    let served = [...first.values()];
    if (options.stableOnly)
        served = served.filter((e) => !isSearchPrerelease(e.version, e.release));
    const kibana = options.kibana;
    if (kibana !== undefined)
        served = served.filter((e) => e.kibana === null || kibanaMatches(e.kibana, kibana));
    const byName = new Map();
    for (const e of served)
        byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
    const packages = [];
    for (const name of [...byName.keys()].sort()) {
        const entries = byName.get(name);
        const versions = sortVersions(entries.map((e) => e.version));
        const wanted = options.all ? versions : versions.slice(-1);
        for (const v of wanted)
            packages.push(entries.find((e) => e.version === v));
    }
    const sortKey = (s) => `${s.name}\0${s.version}\0${rank.get(s.channel)}`;
    skipped.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    return { channel: channel.name, packages, skipped };
}

;// CONCATENATED MODULE: ./src/publish-image/served.ts
// The served index read from git: every version directory of the channels a distribution serves, at the commits
// it is built from, with its manifest read the way the registry reads it (core/manifest.ts), then the pure
// precedence and search of core/served-index.ts, and the content identity of each listed version. Manifest blobs a
// trees-only clone lacks are fetched in one request; identities come from one `git ls-tree -r` per channel.





async function candidatesAt(reader, repoDir, policy, channel, commit) {
    const versions = await reader.allVersions(commit);
    const entries = await Promise.all(versions.map(async (v) => {
        const top = (await reader.objects.tree(v.tree)) ?? [];
        return { v, manifest: top.find((e) => e.name === 'manifest.yml' && e.type === 'blob') };
    }));
    // Only the manifests: a trees-only clone would otherwise fetch each one lazily, one request per version.
    const manifests = entries.flatMap((e) => (e.manifest ? [e.manifest.oid] : []));
    await prefetchBlobs(repoDir, entries.filter((e) => e.manifest).map((e) => e.v.tree), new Set(manifests));
    return Promise.all(entries.map(async ({ v, manifest }) => {
        const base = { channel, name: v.name, version: v.version, tree: v.tree };
        if (v.version === '')
            return { ...base, manifest: { fields: {} } };
        if (!manifest)
            return { ...base, manifest: { problem: 'manifest.yml is missing' } };
        const size = (await reader.objects.info(manifest.oid))?.size ?? 0;
        if (size > policy.limits.manifestBytes)
            return {
                ...base,
                manifest: { problem: `manifest.yml is larger than ${policy.limits.manifestBytes} bytes` },
            };
        const text = (await reader.objects.read(manifest.oid))?.content.toString('utf8') ?? '';
        const readme = await reader.objects.lookup(v.tree, 'docs/README.md');
        const report = checkManifest(text, v, { hasReadme: readme?.type === 'blob' });
        const error = report.problems.find((p) => p.level === 'error');
        return { ...base, manifest: error ? { problem: error.message } : { fields: report.fields } };
    }));
}
/**
 * The index of `channel` when its served channels are at `commits` (by channel name; a channel without a commit,
 * i.e. without a branch, contributes nothing).
 */
async function readServedIndex(o) {
    const { reader, repoDir, policy } = o;
    const served = servedChannels(policy, o.channel).filter((c) => o.commits[c.name] !== undefined);
    const candidates = (await Promise.all(served.map((c) => candidatesAt(reader, repoDir, policy, c.name, o.commits[c.name])))).flat();
    const index = servedIndex(policy, o.channel, candidates, o.options ?? {});
    const identities = new Map();
    for (const c of served) {
        const listed = index.packages.filter((p) => p.channel === c.name);
        await versionFiles(repoDir, o.commits[c.name], policy.packagesRoot, listed, (i, files) => {
            identities.set(listed[i], contentIdentity(files));
        });
    }
    return {
        channel: index.channel,
        packages: index.packages.map((p) => ({
            name: p.name,
            version: p.version,
            channel: p.channel,
            content: identities.get(p) ?? '',
            kibana: p.kibana,
            release: p.release,
        })),
        skipped: index.skipped,
    };
}

;// CONCATENATED MODULE: ./src/cli/index-command.ts
// `package-storage index`: what a channel's registry serves after precedence, filtered like its search, read from
// the local clone's channel branches.









const indexUsage = `usage: package-storage index --repo DIR --channel CH [--kibana VERSION] [--all] [--stable-only]
                            [--config FILE] [--json]

Lists what the registry of channel CH serves: the packages of CH and of every more stable channel at their branch
tips, the first copy of each name and version in package_paths order (most stable channel first), the newest
version of each package unless --all. Prerelease, major-0 and experimental versions are listed (as the registry's
search shows them with prerelease=true) unless --stable-only.
  --repo DIR          the storage repository (default: .)
  --channel CH        the channel whose registry to list
  --kibana VERSION    only packages whose conditions.kibana.version range matches this Kibana (8.4.0,
                      8.4.0-SNAPSHOT: a prerelease matches only ranges that have a prerelease, as in the registry)
  --all               every served version, not only the newest of each package
  --stable-only       hide what the registry's search hides without prerelease=true
  --config FILE       policy file (default: .github/package-storage.yml on the default branch)
  --json              print {"channel", "packages": [{"name", "version", "channel", "content", "kibana",
                      "release"}], "skipped": [{"name", "version", "channel", "reason"}]}
Exit: 0 done, 2 usage (unknown channel, a missing branch, an invalid Kibana version), 3 git failure.`;
function table(listing) {
    const rows = listing.packages.map((p) => [p.name, p.version, p.channel, p.release, p.kibana ?? '*']);
    const header = ['name', 'version', 'from', 'release', 'kibana'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map((r) => safeLine(line(r)))];
}
async function indexCommand(argv, io) {
    const values = parse('index', argv, {
        repo: { type: 'string', default: '.' },
        channel: { type: 'string' },
        kibana: { type: 'string' },
        all: { type: 'boolean', default: false },
        'stable-only': { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    required('index', values, 'channel');
    let kibana;
    if (values.kibana !== undefined) {
        kibana = parseKibanaVersion(values.kibana);
        if (kibana === undefined)
            throw new UsageError(`--kibana ${JSON.stringify(safeLine(values.kibana.slice(0, 60)))} is not a Kibana version: give X.Y.Z, e.g. 8.4.0 or 8.4.0-SNAPSHOT`);
    }
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    const channel = channelByName(policy, values.channel);
    if (!channel)
        throw new UsageError(`unknown channel "${safeLine(values.channel)}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`);
    const served = servedChannels(policy, channel);
    const tips = await localBranchTips(repoDir, served.map((c) => c.branch));
    if (!tips.get(channel.branch))
        throw new UsageError(`the ${channel.name} branch (${channel.branch}) is not in ${repoDir}, locally or as origin/${channel.branch}: fetch it`);
    const reader = new StorageReader(repoDir, policy.packagesRoot);
    try {
        const listing = await readServedIndex({
            reader,
            repoDir,
            policy,
            channel,
            commits: Object.fromEntries(served.map((c) => [c.name, tips.get(c.branch)])),
            options: {
                ...(kibana !== undefined ? { kibana } : {}),
                all: values.all ?? false,
                stableOnly: values['stable-only'] ?? false,
            },
        });
        if (values.json)
            io.out(JSON.stringify(listing));
        else {
            for (const line of table(listing))
                io.out(line);
            const commits = served
                .filter((c) => tips.get(c.branch))
                .map((c) => `${c.name} ${tips.get(c.branch).slice(0, 12)}`);
            io.err(`${listing.packages.length} package versions served by ${channel.name} (${commits.join(', ')})${listing.skipped.length ? `; ${listing.skipped.length} directories not served:` : ''}`);
            for (const s of listing.skipped)
                io.err(`  ${safeLine(`${s.channel}: ${s.name}/${s.version}: ${s.reason}`)}`);
        }
        return 0;
    }
    finally {
        reader.close();
    }
}

;// CONCATENATED MODULE: ./src/cli/rollback.ts
// `package-storage rollback`: point a channel's image tag back at the image published for an earlier commit of
// that channel, by digest, in every target repository.









const rollbackUsage = `usage: package-storage rollback --repo DIR --channel CH --to COMMIT --image NAME [--insecure-registry]
                               [--config FILE] [--json]

Moves the image tag of channel CH to the image already published for COMMIT (its <image>:<commit sha> tag), by
digest. COMMIT must be on the first-parent history of CH's branch and have, in every target, the same image that
publish-image made for it (labels naming COMMIT and CH; its SBOM, or the record of an earlier rollback to it,
attached); otherwise nothing moves. The tag stays there until a commit newer than the branch tip is published (a
re-run or a scheduled publish of the same tip does not move it), or until another rollback (one to the tip
undoes it: the tip's image, and the forward-only rule alone from then on).
  --repo DIR           the storage repository (default: .)
  --channel CH         the channel to roll back
  --to COMMIT          the commit to roll back to (full or abbreviated sha)
  --image NAME         target repository without tag; several (mirrors) comma-separated
  --insecure-registry  plain HTTP to the registries (loopback addresses always are)
  --config FILE        policy file (default: .github/package-storage.yml on the default branch)
  --json               print {"channel", "branch", "tag", "commit", "tip", "targets": [{"image", "reference",
                       "status", "from": {"digest", "commit"}, "to": {"digest", "commit"}, "error"}]}
Credentials come from the Docker config file (docker login), one entry per registry.
Exit: 0 done, 1 refused (not on the channel's history, or no published image), 2 usage, 3 git or registry
failure (with several --image: any target that failed, after the others were rolled back).`;
function reportRollback(io, r) {
    io.out(`${r.channel}: rolling back to ${r.commit} (branch ${safeLine(r.branch)} is at ${r.tip})`);
    for (const t of r.targets) {
        const from = t.from
            ? `${t.from.digest}${t.from.commit ? ` (${t.from.commit.slice(0, 12)})` : ''}`
            : '(no tag)';
        if (t.status === 'failed')
            io.out(`  ${safeLine(t.reference)}: FAILED ${safeLine(t.error ?? '')}`);
        else if (t.status === 'unchanged')
            io.out(`  ${safeLine(t.reference)}: already at ${t.to.digest} (unchanged)`);
        else
            io.out(`  ${safeLine(t.reference)}: ${from} -> ${t.to.digest}`);
    }
}
async function rollbackCommand(argv, io) {
    const values = parse('rollback', argv, {
        repo: { type: 'string', default: '.' },
        channel: { type: 'string' },
        to: { type: 'string' },
        image: { type: 'string' },
        'insecure-registry': { type: 'boolean', default: false },
        config: { type: 'string' },
        json: { type: 'boolean', default: false },
    });
    required('rollback', values, 'channel', 'to', 'image');
    const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
    const channel = channelByName(policy, values.channel);
    if (!channel)
        throw new UsageError(`unknown channel "${safeLine(values.channel)}" (channels: ${policy.channels.map((c) => c.name).join(', ')})`);
    const tip = (await localBranchTips(repoDir, [channel.branch])).get(channel.branch);
    if (!tip)
        throw new UsageError(`the ${channel.name} branch (${channel.branch}) is not in ${repoDir}, locally or as origin/${channel.branch}: fetch it`);
    const clients = registryClients(values['insecure-registry'] ? { insecure: true } : {});
    try {
        const result = await rollback({
            repoDir,
            policy,
            channel: channel.name,
            to: values.to,
            tip,
            image: values.image,
            clientFor: clients.clientFor,
            ancestry: new Ancestry(repoDir),
        });
        if (values.json)
            io.out(JSON.stringify(result));
        else
            reportRollback(io, result);
        const failed = result.targets.filter((t) => t.status === 'failed');
        for (const t of failed)
            io.err(`package-storage rollback: ${safeLine(t.image)} failed: ${safeLine(t.error ?? '')}`);
        return failed.length > 0 ? 3 : 0;
    }
    finally {
        clients.close();
    }
}

;// CONCATENATED MODULE: ./src/cli/commands.ts
// Every command but validate, with the error boundary they run in: its own bundle (dist/cli/commands.js), loaded
// by main.ts when one of them runs. They bring the registry client, Octokit and the image builder, which a
// validate run (once per change, in hooks and CI) never needs and should not pay to load. The boundary comes from
// here too: an error class of this bundle is only `instanceof` this bundle's classes.









const commandModules = {
    audit: { run: auditCommand, usage: auditUsage },
    promote: { run: promoteCommand, usage: promoteUsage },
    cleanup: { run: cleanupCommand, usage: cleanupUsage },
    'publish-image': { run: publishImageCommand, usage: publishUsage },
    rollback: { run: rollbackCommand, usage: rollbackUsage },
    index: { run: indexCommand, usage: indexUsage },
    release: { run: releaseCommand, usage: releaseUsage },
    demo: { run: demoCommand, usage: demoUsage },
};

var __webpack_exports__commandModules = __webpack_exports__.d;
var __webpack_exports__invoke = __webpack_exports__.l;
export { __webpack_exports__commandModules as commandModules, __webpack_exports__invoke as invoke };

//# sourceMappingURL=commands.js.map
