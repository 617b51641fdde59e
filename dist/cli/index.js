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

;// CONCATENATED MODULE: ./src/cli/io.ts
const processIO = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
};

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

;// CONCATENATED MODULE: ./src/core/errors.ts
// Errors that end a run with a clear one-line message instead of a stack trace. Exit codes follow the CLI
// contract: 1 = policy violations, 2 = usage or configuration error, 3 = an operation failed (git, API, registry).
class errors_UsageError extends Error {
    exitCode = 2;
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
/** The policy file is invalid; the message names the key. */
class ConfigError extends errors_UsageError {
    key;
    constructor(message, key) {
        // One line, whatever the file held: the actions show the first line of an error.
        super(message.replace(/\r\n|\r|\n/g, '\\n'));
        this.key = key;
        this.name = 'ConfigError';
    }
}
/** An expected operational failure (git, GitHub API, registry) with a message meant for the user. */
class OperationError extends Error {
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
        throw new errors_UsageError(`${usageMessage(error)} (see: package-storage ${command} --help)`);
    }
    if (values.help)
        throw new HelpRequested(command, options);
    return values;
}
function required(command, values, ...names) {
    for (const name of names)
        if (values[name] === undefined || values[name] === '')
            throw new errors_UsageError(`--${name} is required (see: package-storage ${command} --help)`);
}
function list(value) {
    return (value ?? '')
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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
function policy_moreStable(policy, channel) {
    const index = policy.channels.indexOf(channel);
    return policy.channels.slice(0, Math.max(index, 0)).reverse();
}
/** Channels whose packages the distribution of `channel` serves: itself and every more stable one, most stable first. */
function policy_servedChannels(policy, channel) {
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
function policy_markerChannels(policy, name) {
    return policy.channels.filter((c) => c.markers.includes(name));
}
function titlePrefixFor(policy, branch) {
    // split/join, not replaceAll: a `$` in a branch name must not act as a replacement pattern.
    return policy.titlePrefix.split('{branch}').join(branch);
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
        child.on('error', (error) => reject(new OperationError(`git could not be started: ${error.message}`, { cause: error })));
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
class GitError extends OperationError {
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
async function git_revParse(cwd, rev) {
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
        this.child.on('error', (e) => fail(new OperationError(`git cat-file could not be started: ${e.message}`)));
        this.child.on('close', (code) => {
            // 129 is git's usage error: an option this git does not know.
            if (unsupported && code === 129 && !this.answered && /batch-command/.test(this.stderr)) {
                const queued = this.queue.slice(this.head);
                this.failure = new OperationError('git cat-file --batch-command is not supported by this git');
                this.queue = [];
                this.head = 0;
                unsupported(queued);
                return;
            }
            if (this.queue.length > this.head)
                fail(new OperationError(`git cat-file exited (${code}) early: ${this.stderr.trim().split('\n')[0] ?? ''}`));
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
            return pending.reject(new OperationError('object name contains a line break'));
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
            throw new OperationError(`object ${oid} is a ${object.type}, not a tree`);
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
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeName(raw) {
    try {
        return { name: utf8.decode(raw), valid: true };
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
            throw new OperationError('malformed tree object');
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
function change_treeOf(holdings, name, version) {
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
function identity_sameContent(identities, a, b) {
    if (a === undefined || b === undefined)
        return false;
    if (a === b)
        return true;
    const x = identities?.get(a);
    return x !== undefined && x === identities?.get(b);
}
/** Same content in different trees: the copies differ only in file modes. */
function modesOnly(identities, a, b) {
    return a !== b && identity_sameContent(identities, a, b);
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
    return [...versions].sort((a, b) => semver.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
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
const paths_utf8 = new TextEncoder();
/** Why `path` (where it will be served, e.g. `/packages/staging/nginx/1.0.0/...`) cannot exist on a host. */
function pathLimitProblem(path, served) {
    const long = path.split('/').find((c) => paths_utf8.encode(c).length > nameMax);
    if (long !== undefined)
        return `a name of ${paths_utf8.encode(long).length} bytes: no filesystem a registry host uses takes names over ${nameMax} bytes (NAME_MAX)`;
    const bytes = paths_utf8.encode(served).length;
    if (bytes > pathMax)
        return `a path of ${bytes} bytes where the image serves it: no registry host takes paths over ${pathMax} bytes (PATH_MAX)`;
    return undefined;
}
/**
 * Unicode's bidirectional controls: text between them displays reordered, so a name read in a review or a report
 * can be another name than the one in the tree ("Trojan Source", CVE-2021-42574).
 */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

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
            throw new OperationError(`commit ${rev} is not available in ${this.repoDir}`);
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
            throw new OperationError(`tree ${oid} is not available in ${this.repoDir}`);
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
        throw new errors_UsageError(`${head} and ${base} share no history here (a shallow clone?): fetch more history (git fetch --unshallow) or pass a --head that descends from --base`);
    throw new OperationError(`git merge-tree failed: ${result.stderr.trim().split('\n')[0] ?? ''}`);
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
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
        throw new errors_UsageError(`cannot read the policy file ${file}: ${error.code ?? String(error)}`);
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
        throw new errors_UsageError(`${repoDir} is not a git repository`);
    return { repoDir, refs, ...(await loadLocalPolicy(repoDir, config, refs, objects)) };
}

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
    return createHash('sha256').update(`${name}/${version}`).digest().readUInt32BE(0) % buckets;
}
function packagePath(channel) {
    return `/packages/${channel}`;
}
function layerSource(channel, bucket, buckets, versions) {
    const lines = versions
        .map((v) => `${v.name}\t${v.version}\t${v.tree}\n`)
        .sort()
        .join('');
    const digest = createHash('sha256').update(lines).digest('hex');
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
        stabler: policy_moreStable(policy, channel),
        sources: promotionSources(policy, channel),
        scan,
        treeIn: (c, name, version) => change_treeOf(c === channel.name ? before : input.holdings.get(c), name, version),
        same: (a, b) => identity_sameContent(input.identities, a, b),
        modesOnly: (a, b) => modesOnly(input.identities, a, b),
        modesOnlyChange: (c) => c.kind === 'modified' && modesOnly(input.identities, c.before, c.after),
        foreignMarker: (name) => channel.markers.includes(name) ? [] : policy_markerChannels(policy, name).filter((c) => c !== channel),
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

;// CONCATENATED MODULE: ./src/cli/validate.ts
// `package-storage validate`: the same engine as the action, on a local clone.













const validateUsage = `usage: package-storage validate --repo DIR --base BRANCH --head REV [--title TEXT] [--exception] [--config FILE] [--json]

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
Exit: 0 pass, 1 violations, 2 usage or configuration error, 3 git failure.`;
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
        throw new errors_UsageError(`${values.base} is not a channel branch (channels: ${policy.channels.map((c) => `${c.name} on ${c.branch}`).join(', ')})`);
    const baseSha = branchTip(refs, channel.branch);
    if (!baseSha)
        throw new errors_UsageError(`branch ${channel.branch} not found (refs/heads/${channel.branch} or refs/remotes/origin/${channel.branch})`);
    const base = { sha: baseSha };
    const head = await objects.commitId(values.head);
    if (!head)
        throw new errors_UsageError(`--head ${values.head} is not a commit in ${repoDir}`);
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

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/cli/source-hash.js
// The content hash of the sources a build is made from: one definition for scripts/build.js, which writes it into
// the CLI bundle, and for `package-storage --version`, which recomputes it for the install directory. Plain
// JavaScript so that the build script can import it without a TypeScript toolchain. It is what coreutils print for
//   find src schema package.json package-lock.json tsconfig.json scripts/build.js -type f -print0 |
//     LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum
// run in the directory: contents and relative paths only, so a clone at another path hashes the same.




/** What the bundles are built from: the sources, the locked dependencies, the compiler settings and the build. */
const sourceHashInputs = [
  'src',
  'schema',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build.js',
];

/** Byte order, as `LC_ALL=C sort`. */
const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

async function walk(root, relative, out) {
  for (const entry of await (0,promises_namespaceObject.readdir)((0,external_node_path_namespaceObject.join)(root, relative), { withFileTypes: true })) {
    const path = `${relative}/${entry.name}`;
    // Regular files only, links not followed: `find -type f`.
    if (entry.isDirectory()) await walk(root, path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/** The input files under `root`, sorted; undefined when an input is missing (not a source tree). */
async function sourceFiles(root) {
  const files = [];
  for (const input of sourceHashInputs) {
    const info = await (0,promises_namespaceObject.stat)((0,external_node_path_namespaceObject.join)(root, input)).catch(() => undefined);
    if (!info) return undefined;
    if (info.isDirectory()) await walk(root, input, files);
    else files.push(input);
  }
  return files.sort(byBytes);
}

/** `sha256:<hex>` over `<sha256 of file>  <path>` lines, or undefined when `root` is not a source tree. */
async function sourceHash(root) {
  const files = await sourceFiles(root);
  if (!files) return undefined;
  const list = (0,external_node_crypto_namespaceObject.createHash)('sha256');
  for (const path of files) {
    const digest = (0,external_node_crypto_namespaceObject.createHash)('sha256')
      .update(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(root, path)))
      .digest('hex');
    list.update(`${digest}  ${path}\n`);
  }
  return `sha256:${list.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/cli/version.ts
// `package-storage --version`: which code is running. A committed bundle cannot hold the commit that contains it
// (that commit is made after the bundle, and CI rebuilds the bundle and fails on any byte of difference), so the
// bundle holds the package version and the hash of the sources it was built from (scripts/build.js writes both in).
// At run time the install directory's git commit is read and its sources are hashed the same way: equal hashes say
// that the bundle was built from that commit's sources.





// scripts/build.js replaces this literal in the CLI bundle with the JSON of a BuildStamp; from source it stays.
const stamp = "{\"version\":\"0.1.0\",\"sources\":\"sha256:ce73440224a81d28a5ffe30d41b521a3c500251500e6e598d81cc13403a435b7\"}";
function buildStamp(text = stamp) {
    if (!text.startsWith('{'))
        return undefined;
    const parsed = JSON.parse(text);
    return typeof parsed.version === 'string' && typeof parsed.sources === 'string'
        ? { version: parsed.version, sources: parsed.sources }
        : undefined;
}
/** The package root: two levels up from this module, both as source (src/cli/) and as the bundle (dist/cli/). */
const installDir = (0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.dirname)((0,external_node_path_namespaceObject.dirname)((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url))));
async function packageVersion(dir) {
    try {
        const pkg = JSON.parse(await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.join)(dir, 'package.json'), 'utf8'));
        return typeof pkg.version === 'string' ? pkg.version : 'unknown';
    }
    catch {
        return 'unknown';
    }
}
/** HEAD of `dir` when `dir` itself is the top of a checkout (not a directory inside some other repository). */
async function checkoutOf(dir) {
    const top = await git_gitRaw(['rev-parse', '--show-toplevel'], { cwd: dir, okCodes: [128] });
    if (top.code !== 0)
        return undefined;
    const [ours, theirs] = await Promise.all([(0,promises_namespaceObject.realpath)(dir), (0,promises_namespaceObject.realpath)(top.stdout.toString('utf8').trim())]);
    if (ours !== theirs)
        return undefined;
    const head = await git_gitRaw(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: dir, okCodes: [1, 128] });
    if (head.code !== 0)
        return undefined;
    const status = await git_gitRaw(['status', '--porcelain', '--untracked-files=all', '--', ...sourceHashInputs], {
        cwd: dir,
    });
    return { commit: head.stdout.toString('utf8').trim(), modified: status.stdout.length > 0 };
}
async function versionInfo(o = {}) {
    const dir = o.installDir ?? installDir;
    const build = 'build' in o ? o.build : buildStamp();
    const [sources, checkout, version] = await Promise.all([
        sourceHash(dir),
        // No git, or a broken repository: --version still answers, without the commit.
        checkoutOf(dir).catch(() => undefined),
        build ? Promise.resolve(build.version) : packageVersion(dir),
    ]);
    return {
        version,
        installDir: dir,
        ...(build ? { build } : {}),
        ...(sources ? { sources } : {}),
        ...(checkout ? { checkout } : {}),
    };
}
/** The `--version` text: the version, then what each identifier is, in words. */
function versionLines(info) {
    const dir = info.installDir.replace(/\/$/, '');
    const lines = [`package-storage ${info.version}`];
    if (info.build)
        lines.push(`sources: ${info.build.sources} (hash of the sources this bundle was built from)`);
    else if (info.sources)
        lines.push(`sources: ${info.sources} (running from source, not from a bundle: hash of ${dir})`);
    else
        lines.push('sources: unknown (running from source, not from a bundle)');
    const c = info.checkout;
    if (!c) {
        lines.push(`commit:  unknown (${dir} is not a git checkout)`);
        return lines;
    }
    const head = `${c.commit}${c.modified ? ' with uncommitted changes' : ''}`;
    if (!info.build)
        lines.push(`commit:  ${head} (git HEAD of ${dir})`);
    else if (info.sources === info.build.sources)
        lines.push(c.modified
            ? `commit:  ${head} (git HEAD of ${dir}; the bundle was built from the working tree, not from a commit)`
            : `commit:  ${head} (git HEAD of ${dir}; the bundle was built from this commit's sources)`);
    else
        lines.push(`commit:  ${head} (git HEAD of ${dir}; its sources hash to ${info.sources ?? 'nothing'}: the bundle was not built from them, run npm run build)`);
    return lines;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
// `package-storage <command>`: the actions' engine for maintainers' machines.




// Left as it is by the bundler (webpackIgnore): the built CLI loads its sibling bundle dist/cli/commands.js.
const commandsBundle = () => import(/* webpackIgnore: true */ './commands.js');
const loaded = (name) => async () => {
    const m = await commandsBundle();
    return { ...m.commandModules[name], invoke: m.invoke };
};
const commands = {
    validate: {
        summary: 'check a change against the channel policy',
        load: () => Promise.resolve({ run: validateCommand, usage: validateUsage, invoke: invoke }),
    },
    audit: {
        summary: 'what the check would say on this repository: its state, or its history',
        load: loaded('audit'),
    },
    promote: {
        summary: 'build the promotion branch promote/<from>-to-<to>',
        load: loaded('promote'),
    },
    cleanup: {
        summary: 'build the cleanup branch cleanup/<channel>',
        load: loaded('cleanup'),
    },
    'publish-image': {
        summary: 'build and push (or write) a channel distribution image',
        load: loaded('publish-image'),
    },
    rollback: {
        summary: "point a channel's image tag back at the image of an earlier commit of the channel",
        load: loaded('rollback'),
    },
    index: {
        summary: "what a channel's registry serves: after precedence, filtered like its search",
        load: loaded('index'),
    },
    release: {
        summary: 'stack release tags (git tag and image tag) for released versions',
        load: loaded('release'),
    },
    demo: {
        summary: 'walk a throwaway storage repository through a day (no network)',
        load: loaded('demo'),
    },
};
const usage = `usage: package-storage <command> [options]
       package-storage --version

commands:
${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`)
    .join('\n')}

  -h, --help     this text; \`package-storage <command> --help\` (or \`help <command>\`) for a command's options
  -V, --version  the package version, the hash of the sources it was built from, the install directory's commit
Exit: 0 pass or done, 1 policy violations or refused, 2 usage or configuration error, 3 git, API or registry failure.`;
/** Own entries only: `toString` or `__proto__` is no command. */
const commandNamed = (name) => name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
function unknown(io, what, name) {
    io.err(`package-storage: unknown ${what} ${JSON.stringify(safeLine(name))}\n${usage}`);
    return 2;
}
async function main(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        io.err(usage);
        return 2;
    }
    if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
        io.out(usage);
        return 0;
    }
    if (name === '--version' || name === '-V') {
        for (const line of versionLines(await versionInfo()))
            io.out(line);
        return 0;
    }
    if (name === 'help') {
        const command = commandNamed(rest[0]);
        if (!command || rest.length > 1)
            return unknown(io, 'command', rest.join(' '));
        io.out((await command.load()).usage);
        return 0;
    }
    const command = commandNamed(name);
    if (!command)
        return unknown(io, name.startsWith('-') ? 'option' : 'command', name);
    const loadedCommand = await command.load();
    return loadedCommand.invoke(name, loadedCommand.run, rest, io, loadedCommand.usage);
}

;// CONCATENATED MODULE: ./src/cli/index.ts


// A reader that goes away (`package-storage validate ... | head -1`) is no crash: the rest of the output is dropped
// and the command still ends with its own exit code.
for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
    });
void main(process.argv.slice(2), processIO).then((code) => {
    process.exitCode = code;
});


//# sourceMappingURL=index.js.map