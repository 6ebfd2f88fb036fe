/* policy_parse.read.layout._passes: two per-character passes of the page
 * layout in C (docs/pdf.md, "The compiled character loop").
 *
 *   no_twins(chars, tol)  True when no two characters of the same text lie
 *                         within `tol` of each other both ways in the same
 *                         size (`lines.dedupe` then drops nothing); False
 *                         when there is such a pair, or when it cannot tell
 *                         cheaply (then `lines.dedupe` decides in Python)
 *   group(chars)          `lines.group_lines`' clustering: the characters in
 *                         lines, each left to right, with the line's right
 *                         edge, top, bottom and median size; None where a
 *                         value is not a finite float (then Python does it)
 *   wide_texts(grouped, wide, no_end, no_start)
 *                         each of those lines' text and first unbreakable
 *                         width, where every character is a known wide one
 *                         (most lines of a CJK notice); None for the others
 *   chunks(grouped, gap)  those lines cut into chunks at wide gaps, as
 *                         `borderless_lines.text_lines` cuts them
 *   tally(chars)          each text's count among the characters, as
 *                         `tables.page_to_layout` counts them
 *
 * Each gives exactly what the Python it stands in for gives, on the same
 * floats in the same order (tests/read/layout/test_passes.py,
 * tests/read/pdf/test_native.py); anything unusual — a character that is not
 * a `Char`, a text of several characters, an infinity, a NaN — is handed
 * back to the Python code rather than reproduced.  Optional, as
 * read/pdf/_native.c: without it, or with POLICY_PARSE_NATIVE=0, the Python
 * passes run.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "_slots.h"

static PyTypeObject *char_type;
static Py_ssize_t offsets[N_FIELDS];

static PyObject *
bind(PyObject *self, PyObject *type)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "bind: a class is needed");
        return NULL;
    }
    Py_ssize_t found[N_FIELDS];
    if (slot_offsets((PyTypeObject *)type, found) < 0)
        return NULL;
    memcpy(offsets, found, sizeof offsets);
    Py_INCREF(type);
    Py_XSETREF(char_type, (PyTypeObject *)type);
    Py_RETURN_NONE;
}

/* The float in field `k` of `c`, a Char: 0 when it is one and finite. */
static inline int
finite_field(PyObject *c, int k, double *out)
{
    PyObject *v = SLOT(c, offsets[k]);
    if (v == NULL || !PyFloat_CheckExact(v))
        return -1;
    *out = PyFloat_AS_DOUBLE(v);
    return isfinite(*out) ? 0 : -1;
}

static int
check_chars(PyObject *chars)
{
    if (char_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return -1;
    }
    if (!PyList_Check(chars)) {
        PyErr_SetString(PyExc_TypeError, "a list of characters is needed");
        return -1;
    }
    return 0;
}

/* A tuple of the `n` new references in `items`, each stolen; where one is
 * NULL (its maker set the error) or the tuple cannot be made, every one
 * is released and NULL returned.  Built directly: Py_BuildValue parsed its
 * format string for each of a page's lines (~1M instructions a sample). */
static PyObject *
tuple_of(Py_ssize_t n, PyObject **items)
{
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; i < n && t != NULL; i++)
        if (items[i] == NULL)
            Py_CLEAR(t);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (t == NULL)
            Py_XDECREF(items[i]);
        else
            PyTuple_SET_ITEM(t, i, items[i]);
    }
    return t;
}

typedef struct {
    Py_UCS4 code;
    double top, x0, size;
} twin_key;

static inline int
by_code_top(const void *a, const void *b)
{
    const twin_key *p = a, *q = b;
    if (p->code != q->code)
        return p->code < q->code ? -1 : 1;
    return (p->top > q->top) - (p->top < q->top);
}

/* A stable merge sort of `a[0..n)` by `LESS` (a strict order), with room
 * for n / 2 items in `tmp`.  It stands in for qsort(): the same order for
 * these comparisons (glibc's qsort is a stable merge sort too, and every
 * order below breaks its ties by input position or compares values that
 * are then indistinguishable), without a call through a function pointer
 * per comparison, and with nothing moved where the items are in order
 * already: most of a page's characters come in reading order, most lines'
 * in x order, most lines' sizes equal.  qsort was ~28M instructions of the
 * 23-page sample's worker (benchmarks/README.md, "Issue 26: the page
 * worker, round 4"). */
#define DEFINE_SORT(NAME, T, LESS)                                                       \
    static void NAME##_run(T *a, Py_ssize_t n, T *tmp)                                   \
    {                                                                                    \
        if (n <= 16) {                                                                   \
            for (Py_ssize_t i = 1; i < n; i++) {                                         \
                T x = a[i];                                                              \
                Py_ssize_t j = i;                                                        \
                for (; j > 0 && LESS(&x, &a[j - 1]); j--)                                \
                    a[j] = a[j - 1];                                                     \
                a[j] = x;                                                                \
            }                                                                            \
            return;                                                                      \
        }                                                                                \
        Py_ssize_t h = n / 2, i = 0, j = h, k = 0;                                       \
        NAME##_run(a, h, tmp);                                                           \
        NAME##_run(a + h, n - h, tmp);                                                   \
        if (!LESS(&a[h], &a[h - 1]))                                                     \
            return; /* the halves are in order already */                               \
        memcpy(tmp, a, (size_t)h * sizeof(T));                                           \
        while (i < h && j < n)                                                           \
            a[k++] = LESS(&a[j], &tmp[i]) ? a[j++] : tmp[i++];                           \
        while (i < h)                                                                    \
            a[k++] = tmp[i++];                                                           \
    }                                                                                    \
    static void NAME(T *a, Py_ssize_t n, T *tmp)                                         \
    {                                                                                    \
        Py_ssize_t i = 1;                                                                \
        while (i < n && !LESS(&a[i], &a[i - 1]))                                         \
            i++;                                                                         \
        if (i < n)                                                                       \
            NAME##_run(a, n, tmp);                                                       \
    }

#define CODE_TOP_LESS(p, q) (by_code_top((p), (q)) < 0)
DEFINE_SORT(sort_code_top, twin_key, CODE_TOP_LESS)

/* Pairs looked at per character before no_twins gives up (a line of one
 * repeated glyph, a hostile page of thousands on one baseline). */
#define TWIN_BUDGET 64

static PyObject *
no_twins(PyObject *self, PyObject *args)
{
    PyObject *chars;
    double tol;
    if (!PyArg_ParseTuple(args, "Od:no_twins", &chars, &tol) || check_chars(chars) < 0)
        return NULL;
    if (!(tol > 0.0) || !isfinite(tol))
        Py_RETURN_FALSE;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    twin_key *keys = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(twin_key));
    if (keys == NULL)
        return PyErr_NoMemory();
    Py_ssize_t m = 0;
    int sure = 1;
    for (Py_ssize_t i = 0; i < n && sure; i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        PyObject *text = Py_IS_TYPE(c, char_type) ? SLOT(c, offsets[F_TEXT]) : NULL;
        if (text == NULL || !PyUnicode_CheckExact(text) || PyUnicode_GET_LENGTH(text) != 1) {
            sure = 0;
            break;
        }
        /* The Python loop bands every character by int(top // tol): a top
         * that is not finite, or too large for that, is left to it. */
        twin_key *k = &keys[m];
        if (finite_field(c, F_TOP, &k->top) || !(fabs(k->top / tol) < 1e15)) {
            sure = 0;
            break;
        }
        Py_UCS4 code = PyUnicode_READ_CHAR(text, 0);
        if (Py_UNICODE_ISSPACE(code))
            continue; /* a blank is never dropped as a twin */
        k->code = code;
        if (finite_field(c, F_X0, &k->x0) || finite_field(c, F_SIZE, &k->size))
            sure = 0;
        m++;
    }
    twin_key *tmp = sure ? PyMem_Malloc((size_t)(m / 2 + 1) * sizeof(twin_key)) : NULL;
    if (sure && tmp == NULL) {
        PyMem_Free(keys);
        return PyErr_NoMemory();
    }
    if (sure) {
        sort_code_top(keys, m, tmp);
        Py_ssize_t budget = TWIN_BUDGET * m + 1024;
        for (Py_ssize_t i = 0; i < m && sure; i++) {
            for (Py_ssize_t j = i + 1; j < m && keys[j].code == keys[i].code; j++) {
                if (keys[j].top - keys[i].top > tol)
                    break;
                if (--budget < 0 || (fabs(keys[j].x0 - keys[i].x0) <= tol &&
                                     fabs(keys[j].size - keys[i].size) <= 0.01)) {
                    sure = 0; /* a twin, or too many to look at: Python decides */
                    break;
                }
            }
        }
    }
    PyMem_Free(tmp);
    PyMem_Free(keys);
    return PyBool_FromLong(sure);
}

typedef struct {
    double mid, x0;
    Py_ssize_t at; /* position in the input, then in the line */
    PyObject *c;
} keyed;

static inline int
by_mid_x0_at(const void *a, const void *b)
{
    const keyed *p = a, *q = b;
    if (p->mid != q->mid)
        return p->mid < q->mid ? -1 : 1;
    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return (p->at > q->at) - (p->at < q->at);
}

static inline int
by_x0_at(const void *a, const void *b)
{
    const keyed *p = a, *q = b;
    if (p->x0 != q->x0)
        return p->x0 < q->x0 ? -1 : 1;
    return (p->at > q->at) - (p->at < q->at);
}

/* One line: its characters (keys[0..n) in cluster order) sorted by x0,
 * with the largest x1, smallest top, largest bottom and median size, as
 * lines._make_line computes them.  `sizes` has room for n. */
#define MID_X0_AT_LESS(p, q) (by_mid_x0_at((p), (q)) < 0)
#define X0_AT_LESS(p, q) (by_x0_at((p), (q)) < 0)
#define VALUE_LESS(p, q) (*(p) < *(q))
DEFINE_SORT(sort_mid_x0_at, keyed, MID_X0_AT_LESS)
DEFINE_SORT(sort_x0_at, keyed, X0_AT_LESS)
DEFINE_SORT(sort_values, double, VALUE_LESS)

static PyObject *
line_of(keyed *keys, Py_ssize_t n, double *sizes, keyed *tmp, double *tmp_sizes)
{
    for (Py_ssize_t i = 0; i < n; i++)
        keys[i].at = i; /* a stable sort by x0: ties keep the cluster order */
    sort_x0_at(keys, n, tmp);
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    double x1 = 0, top = 0, bottom = 0, v;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = keys[i].c;
        PyList_SET_ITEM(list, i, Py_NewRef(c));
        /* Checked finite by group(): the reads cannot fail. */
        finite_field(c, F_X1, &v);
        x1 = i == 0 || v > x1 ? v : x1;
        finite_field(c, F_TOP, &v);
        top = i == 0 || v < top ? v : top;
        finite_field(c, F_BOTTOM, &v);
        bottom = i == 0 || v > bottom ? v : bottom;
        finite_field(c, F_SIZE, &sizes[i]);
    }
    sort_values(sizes, n, tmp_sizes);
    double size = n % 2 ? sizes[n / 2] : (sizes[n / 2 - 1] + sizes[n / 2]) / 2;
    PyObject *items[5] = {list, PyFloat_FromDouble(x1), PyFloat_FromDouble(top),
                          PyFloat_FromDouble(bottom), PyFloat_FromDouble(size)};
    return tuple_of(5, items);
}

static PyObject *
group(PyObject *self, PyObject *chars)
{
    if (check_chars(chars) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(chars);
    keyed *keys = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(keyed));
    double *sizes = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(double));
    keyed *tmp = PyMem_Malloc((size_t)(n / 2 + 1) * sizeof(keyed));
    double *tmp_sizes = PyMem_Malloc((size_t)(n / 2 + 1) * sizeof(double));
    PyObject *out = NULL;
    if (keys == NULL || sizes == NULL || tmp == NULL || tmp_sizes == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        double top, bottom, v;
        if (!Py_IS_TYPE(c, char_type) || finite_field(c, F_TOP, &top) ||
            finite_field(c, F_BOTTOM, &bottom) || finite_field(c, F_X0, &keys[i].x0) ||
            finite_field(c, F_X1, &v) || finite_field(c, F_SIZE, &v)) {
            out = Py_NewRef(Py_None); /* not for here: the Python pass */
            goto done;
        }
        keys[i].mid = (top + bottom) / 2;
        if (!isfinite(keys[i].mid)) {
            out = Py_NewRef(Py_None);
            goto done;
        }
        keys[i].at = i;
        keys[i].c = c;
    }
    sort_mid_x0_at(keys, n, tmp);
    out = PyList_New(0);
    if (out == NULL)
        goto done;
    /* lines._cluster: a character joins the line when its middle lies within
     * half its size (at least 1) of the line's running mean middle. */
    Py_ssize_t start = 0;
    double mid_line = 0.0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        if (i < n) {
            double size;
            finite_field(keys[i].c, F_SIZE, &size);
            double reach = 0.5 * (size > 1.0 ? size : 1.0);
            double d = keys[i].mid - mid_line;
            if (i > start && -reach <= d && d <= reach) {
                mid_line += d / (double)(i - start + 1);
                continue;
            }
            mid_line = keys[i].mid;
        }
        if (i > start) {
            PyObject *line = line_of(keys + start, i - start, sizes, tmp, tmp_sizes);
            if (line == NULL || PyList_Append(out, line)) {
                Py_XDECREF(line);
                Py_CLEAR(out);
                goto done;
            }
            Py_DECREF(line);
        }
        start = i;
    }
done:
    PyMem_Free(keys);
    PyMem_Free(sizes);
    PyMem_Free(tmp);
    PyMem_Free(tmp_sizes);
    return out;
}


/* One line's text and first unbreakable width, as lines._chars_to_text and
 * lines._first_unit_width give them for a line whose every character is
 * one already judged wide (`wide`, lines._WIDE): the texts joined and
 * stripped; the first inked character, with the character after it when it
 * may not end a line, and every character after that which may not start
 * one.  None for any other line (Python decides it, and learns its new
 * characters); NULL on an error. */
static PyObject *
wide_text(PyObject *cs, PyObject *wide, PyObject *no_end, PyObject *no_start, Py_UCS4 *buf)
{
    Py_ssize_t n = PyList_GET_SIZE(cs);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyList_GET_ITEM(cs, i);
        PyObject *text = Py_IS_TYPE(c, char_type) ? SLOT(c, offsets[F_TEXT]) : NULL;
        double v;
        if (text == NULL || !PyUnicode_CheckExact(text) || PyUnicode_GET_LENGTH(text) != 1 ||
            finite_field(c, F_X0, &v) || finite_field(c, F_X1, &v))
            Py_RETURN_NONE;
        int known = PySet_Contains(wide, text);
        if (known <= 0)
            return known < 0 ? NULL : Py_NewRef(Py_None);
        buf[i] = PyUnicode_READ_CHAR(text, 0);
    }
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi && Py_UNICODE_ISSPACE(buf[lo]))
        lo++;
    while (hi > lo && Py_UNICODE_ISSPACE(buf[hi - 1]))
        hi--;
    PyObject *text = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf + lo, hi - lo);
    if (text == NULL)
        return NULL;
    double unit = 0.0;
    if (lo < hi) { /* the first inked character is buf[lo] */
        Py_ssize_t last = lo, next = lo + 1;
        while (next < n && Py_UNICODE_ISSPACE(buf[next]))
            next++;
        int r = next < n ? PySet_Contains(no_end, SLOT(PyList_GET_ITEM(cs, lo), offsets[F_TEXT]))
                         : 0;
        while (r >= 0 && next < n) {
            if (!r) {
                r = PySet_Contains(no_start, SLOT(PyList_GET_ITEM(cs, next), offsets[F_TEXT]));
                if (r <= 0)
                    break;
            }
            last = next++;
            while (next < n && Py_UNICODE_ISSPACE(buf[next]))
                next++;
            r = 0;
        }
        if (r < 0) {
            Py_DECREF(text);
            return NULL;
        }
        double x0 = 0.0, x1 = 0.0; /* read below: checked finite above */
        finite_field(PyList_GET_ITEM(cs, lo), F_X0, &x0);
        finite_field(PyList_GET_ITEM(cs, last), F_X1, &x1);
        unit = x1 - x0;
    }
    PyObject *items[2] = {text, PyFloat_FromDouble(unit)};
    return tuple_of(2, items);
}

/* The character count of the longest of group()'s lines (at least 1), after
 * checking each is a (list of characters, ...) tuple; -1 with an error set
 * when bind() was not called or a line is no such tuple. */
static Py_ssize_t
longest_line(PyObject *grouped, const char *what)
{
    if (char_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return -1;
    }
    Py_ssize_t most = 1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(grouped); i++) {
        PyObject *g = PyList_GET_ITEM(grouped, i);
        if (!PyTuple_Check(g) || PyTuple_GET_SIZE(g) < 1 || !PyList_Check(PyTuple_GET_ITEM(g, 0))) {
            PyErr_Format(PyExc_TypeError, "%s: group()'s lines are needed", what);
            return -1;
        }
        Py_ssize_t m = PyList_GET_SIZE(PyTuple_GET_ITEM(g, 0));
        most = m > most ? m : most;
    }
    return most;
}

static PyObject *
wide_texts(PyObject *self, PyObject *args)
{
    PyObject *grouped, *wide, *no_end, *no_start;
    if (!PyArg_ParseTuple(args, "O!O!O!O!:wide_texts", &PyList_Type, &grouped, &PySet_Type, &wide,
                          &PyFrozenSet_Type, &no_end, &PyFrozenSet_Type, &no_start))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(grouped), most = longest_line(grouped, "wide_texts");
    if (most < 0)
        return NULL;
    Py_UCS4 *buf = PyMem_Malloc((size_t)most * sizeof(Py_UCS4));
    PyObject *out = buf ? PyList_New(n) : PyErr_NoMemory();
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *piece = wide_text(PyTuple_GET_ITEM(PyList_GET_ITEM(grouped, i), 0), wide, no_end,
                                    no_start, buf);
        if (piece == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, i, piece);
    }
    PyMem_Free(buf);
    return out;
}

/* 1 where a line may hold a tab for tabs.find_tabs, 0 where it cannot: fewer
 * than two characters, a field that is a float but not finite (find_tabs
 * measures no stop from it), or no gap between neighbours (x0 of one less
 * x1 of the one before) as wide as `wide_gap` times the line's smallest
 * size, find_tabs' own test.  Where an item is not a `Char` or a field not
 * a float, 1: Python decides.  tabs.tab_lines is the same in Python. */
static int
may_hold_tab(PyObject *cs, double wide_gap)
{
    Py_ssize_t m = PyList_GET_SIZE(cs);
    if (m < 2)
        return 0;
    double widest = 0.0, least = 0.0, prev_x1 = 0.0;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *c = PyList_GET_ITEM(cs, k);
        if (!Py_IS_TYPE(c, char_type))
            return 1;
        PyObject *f[3] = {SLOT(c, offsets[F_X0]), SLOT(c, offsets[F_X1]),
                          SLOT(c, offsets[F_SIZE])};
        double v[3];
        for (int j = 0; j < 3; j++) {
            if (f[j] == NULL || !PyFloat_CheckExact(f[j]))
                return 1;
            v[j] = PyFloat_AS_DOUBLE(f[j]);
        }
        if (!isfinite(v[0]) || !isfinite(v[1]) || !isfinite(v[2]))
            return 0; /* checked before any other field decides: Python's order */
        if (k == 0) {
            least = v[2];
        } else {
            double g = v[0] - prev_x1;
            widest = k == 1 || g > widest ? g : widest;
            least = v[2] < least ? v[2] : least;
        }
        prev_x1 = v[1];
    }
    return widest >= wide_gap * least;
}

/* The indices of the lines of `groups` (lists of characters by x0) that
 * may hold a tab (may_hold_tab): lines._page_tabs calls tabs.find_tabs on
 * those alone, most of a page's lines never reaching Python. */
static PyObject *
tab_lines(PyObject *self, PyObject *args)
{
    PyObject *groups;
    double wide_gap;
    if (!PyArg_ParseTuple(args, "O!d:tab_lines", &PyList_Type, &groups, &wide_gap))
        return NULL;
    if (char_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return NULL;
    }
    PyObject *out = PyList_New(0);
    for (Py_ssize_t i = 0; out != NULL && i < PyList_GET_SIZE(groups); i++) {
        PyObject *cs = PyList_GET_ITEM(groups, i);
        if (!PyList_Check(cs)) {
            PyErr_SetString(PyExc_TypeError, "tab_lines: lists of characters are needed");
            Py_CLEAR(out);
            break;
        }
        if (!may_hold_tab(cs, wide_gap))
            continue;
        PyObject *at = PyLong_FromSsize_t(i);
        if (at == NULL || PyList_Append(out, at))
            Py_CLEAR(out);
        Py_XDECREF(at);
    }
    return out;
}

/* lines._spaces: how many spaces the room from `start` to `nxt_x0` holds
 * after a space glyph from `x0` to `x1` of `size` (round() is half-even,
 * as nearbyint in the default rounding mode). */
static Py_ssize_t
spaces_in(double start, double x0, double x1, double size, double nxt_x0)
{
    double width = x1 - x0;
    if (width <= 0.05 * size)
        return 1;
    double room = (nxt_x0 - start) / width;
    return 1.75 <= room && room < 1000.0 ? (Py_ssize_t)nearbyint(room) : 1;
}

static inline int
is_one(PyObject *t, Py_UCS4 ch)
{
    return PyUnicode_GET_LENGTH(t) == 1 && PyUnicode_READ_CHAR(t, 0) == ch;
}

/* is_wide(text[start:end]) as 1 or 0, -1 with an error set. */
static int
wide_part(PyObject *is_wide, PyObject *t, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *part = PyUnicode_Substring(t, start < 0 ? 0 : start, end);
    PyObject *r = part ? PyObject_CallOneArg(is_wide, part) : NULL;
    Py_XDECREF(part);
    int out = r ? PyObject_IsTrue(r) : -1;
    Py_XDECREF(r);
    return out;
}

/* "\t" * tabs[k] (or " " * n): the string `unit` repeated; NULL with an
 * error set. */
static PyObject *
repeat(const char *unit, Py_ssize_t n)
{
    PyObject *one = PyUnicode_FromString(unit);
    PyObject *out = one ? PySequence_Repeat(one, n < 0 ? 0 : n) : NULL;
    Py_XDECREF(one);
    return out;
}

/* tabs[k] where it is an int that fits (1), 0 where k is no key, -1 with
 * an error set, -2 where the value is no such int (Python does the line). */
static int
tab_at(PyObject *tabs, Py_ssize_t k, Py_ssize_t *n)
{
    PyObject *key = PyLong_FromSsize_t(k);
    PyObject *v = key ? PyDict_GetItemWithError(tabs, key) : NULL;
    Py_XDECREF(key);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyLong_CheckExact(v))
        return -2;
    int overflow = 0;
    long long got = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (overflow || got > 1000000 || (got == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return -2;
    }
    *n = (Py_ssize_t)got;
    return 1;
}

/* lines._text_loop of one line (a list of characters by x0) with its
 * `tabs` (index -> count), `is_wide` being lines.is_wide: the same text,
 * step for step; None where a character is not a `Char` with a str text
 * and finite float x0, x1 and size, or a tab count not a small int (then
 * Python does it). */
static PyObject *
text_loop(PyObject *self, PyObject *args)
{
    PyObject *chars, *tabs, *is_wide;
    if (!PyArg_ParseTuple(args, "O!O!O:text_loop", &PyList_Type, &chars, &PyDict_Type, &tabs,
                          &is_wide))
        return NULL;
    if (char_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "bind() was not called");
        return NULL;
    }
    Py_ssize_t m = PyList_GET_SIZE(chars);
    double *v = PyMem_Malloc((size_t)(m ? m : 1) * 3 * sizeof(double));
    if (v == NULL)
        return PyErr_NoMemory();
    double *x0 = v, *x1 = v + m, *size = v + 2 * m;
    for (Py_ssize_t k = 0; k < m; k++) {
        PyObject *c = PyList_GET_ITEM(chars, k);
        PyObject *t = Py_IS_TYPE(c, char_type) ? SLOT(c, offsets[F_TEXT]) : NULL;
        if (t == NULL || !PyUnicode_CheckExact(t) || finite_field(c, F_X0, &x0[k]) ||
            finite_field(c, F_X1, &x1[k]) || finite_field(c, F_SIZE, &size[k])) {
            PyMem_Free(v);
            Py_RETURN_NONE;
        }
    }
    int any_tab = PyDict_GET_SIZE(tabs) > 0, bad = 0;
    PyObject *out = PyList_New(0);
    Py_ssize_t prev = -1, ink = -1, space = -1, lead = 0;
    for (Py_ssize_t k = 0; out != NULL && !bad && k < m; k++) {
        PyObject *t = SLOT(PyList_GET_ITEM(chars, k), offsets[F_TEXT]);
        int blank = is_one(t, ' ');
        Py_ssize_t n_out = PyList_GET_SIZE(out);
        if (blank) {
            if (space < 0)
                space = k;
        } else if (space >= 0) {
            Py_ssize_t n = spaces_in(ink < 0 ? x0[space] : x1[ink], x0[space], x1[space],
                                     size[space], x0[k]);
            if (ink < 0) {
                lead = n;
            } else if (n > 1 && n_out && is_one(PyList_GET_ITEM(out, n_out - 1), ' ')) {
                PyObject *run = repeat(" ", n);
                if (run == NULL || PyList_SetItem(out, n_out - 1, run))
                    Py_CLEAR(out);
            }
            space = -1;
        }
        if (out == NULL)
            break;
        Py_ssize_t count = 0;
        int tab = any_tab && k ? tab_at(tabs, k, &count) : 0;
        PyObject *add = NULL;
        if (tab == -2) {
            bad = 1;
            break;
        } else if (tab < 0) {
            Py_CLEAR(out);
            break;
        } else if (tab) {
            add = repeat("\t", count);
            if (add == NULL)
                Py_CLEAR(out);
        } else if (prev >= 0 && !blank &&
                   !is_one(SLOT(PyList_GET_ITEM(chars, prev), offsets[F_TEXT]), ' ')) {
            double gap = x0[k] - x1[prev];
            double most = size[prev] > size[k] ? size[prev] : size[k]; /* max(c.size, prev.size) */
            if (gap > 0 && gap > 0.25 * most) {
                PyObject *pt = SLOT(PyList_GET_ITEM(chars, prev), offsets[F_TEXT]);
                int w = wide_part(is_wide, t, 0, 1);
                if (w == 0)
                    w = wide_part(is_wide, pt, PyUnicode_GET_LENGTH(pt) - 1,
                                  PyUnicode_GET_LENGTH(pt));
                if (w < 0)
                    Py_CLEAR(out);
                else if (!w)
                    add = PyUnicode_FromString(" ");
                if (!w && add == NULL)
                    Py_CLEAR(out);
            }
        }
        if (out != NULL && add != NULL && PyList_Append(out, add))
            Py_CLEAR(out);
        Py_XDECREF(add);
        if (out == NULL)
            break;
        n_out = PyList_GET_SIZE(out);
        if (blank && n_out && is_one(PyList_GET_ITEM(out, n_out - 1), ' '))
            continue;
        if (PyList_Append(out, t)) {
            Py_CLEAR(out);
            break;
        }
        prev = k;
        if (!blank) {
            ink = k;
            space = -1;
        }
    }
    PyMem_Free(v);
    if (bad) {
        Py_XDECREF(out);
        Py_RETURN_NONE;
    }
    if (out == NULL)
        return NULL;
    Py_ssize_t front_n = 0;
    int front = any_tab ? tab_at(tabs, 0, &front_n) : 0;
    if (front == -2) {
        Py_DECREF(out);
        Py_RETURN_NONE;
    }
    if (front < 0) {
        Py_DECREF(out);
        return NULL;
    }
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *joined = empty ? PyUnicode_Join(empty, out) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(out);
    PyObject *text = joined ? PyObject_CallMethod(joined, "strip", NULL) : NULL;
    Py_XDECREF(joined);
    if (text == NULL)
        return NULL;
    PyObject *two = PyUnicode_FromString("  ");
    int runs = two ? PyUnicode_Contains(text, two) : -1;
    Py_XDECREF(two);
    PyObject *parts[4] = {repeat("\t", front ? front_n : 0),
                          repeat(" ", runs > 0 && lead > 1 ? lead : 0), text,
                          PyUnicode_FromString(runs > 0 && space >= 0 ? " " : "")};
    PyObject *result = NULL;
    if (runs >= 0 && parts[0] && parts[1] && parts[3]) {
        PyObject *all = PyTuple_Pack(4, parts[0], parts[1], parts[2], parts[3]);
        PyObject *none = PyUnicode_New(0, 0);
        result = all && none ? PyUnicode_Join(none, all) : NULL;
        Py_XDECREF(all);
        Py_XDECREF(none);
    }
    for (int i = 0; i < 4; i++)
        Py_XDECREF(parts[i]);
    return result;
}

/* One chunk of a line: cs[start..end)'s texts joined, as (x0, x1, text). */
static PyObject *
chunk_of(PyObject *cs, Py_ssize_t start, Py_ssize_t end, double x0, double x1)
{
    PyObject *parts = PyList_GetSlice(cs, start, end);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < end - start; i++) {
        PyObject *c = PyList_GET_ITEM(parts, i);
        PyObject *t = SLOT(c, offsets[F_TEXT]);
        PyList_SET_ITEM(parts, i, Py_NewRef(t)); /* checked str by chunks() */
        Py_DECREF(c);
    }
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *text = empty ? PyUnicode_Join(empty, parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(parts);
    if (text == NULL)
        return NULL;
    PyObject *items[3] = {PyFloat_FromDouble(x0), PyFloat_FromDouble(x1), text};
    return tuple_of(3, items);
}

/* borderless_lines.text_lines' cut of each of group()'s lines into chunks
 * where the gap to a character passes `gap` times its size, with the
 * line's upper median size (its sizes sorted, the one at n // 2): per
 * line ([(x0, x1, text joined), ...], size); None where a character is not
 * a `Char` with a str text (then Python does it). */
static PyObject *
chunks(PyObject *self, PyObject *args)
{
    PyObject *grouped;
    double gap;
    if (!PyArg_ParseTuple(args, "O!d:chunks", &PyList_Type, &grouped, &gap))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(grouped), most = longest_line(grouped, "chunks");
    if (most < 0)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *cs = PyTuple_GET_ITEM(PyList_GET_ITEM(grouped, i), 0);
        Py_ssize_t m = PyList_GET_SIZE(cs);
        if (m == 0)
            Py_RETURN_NONE;
        for (Py_ssize_t k = 0; k < m; k++) {
            PyObject *c = PyList_GET_ITEM(cs, k);
            PyObject *t = Py_IS_TYPE(c, char_type) ? SLOT(c, offsets[F_TEXT]) : NULL;
            double v;
            if (t == NULL || !PyUnicode_Check(t) || finite_field(c, F_X0, &v) ||
                finite_field(c, F_X1, &v) || finite_field(c, F_SIZE, &v))
                Py_RETURN_NONE;
        }
    }
    double *sizes = PyMem_Malloc((size_t)most * sizeof(double));
    double *tmp = PyMem_Malloc((size_t)(most / 2 + 1) * sizeof(double));
    PyObject *out = sizes && tmp ? PyList_New(n) : PyErr_NoMemory();
    for (Py_ssize_t i = 0; out != NULL && i < n; i++) {
        PyObject *cs = PyTuple_GET_ITEM(PyList_GET_ITEM(grouped, i), 0);
        Py_ssize_t m = PyList_GET_SIZE(cs), start = 0;
        PyObject *line = PyList_New(0);
        double x0 = 0.0, x1 = 0.0, v = 0.0, size = 0.0; /* read below: checked finite above */
        finite_field(PyList_GET_ITEM(cs, 0), F_X0, &x0);
        finite_field(PyList_GET_ITEM(cs, 0), F_X1, &x1);
        finite_field(PyList_GET_ITEM(cs, 0), F_SIZE, &sizes[0]);
        for (Py_ssize_t k = 1; line != NULL && k <= m; k++) {
            double cx0 = 0.0;
            if (k < m) {
                PyObject *c = PyList_GET_ITEM(cs, k);
                finite_field(c, F_X0, &cx0);
                finite_field(c, F_SIZE, &size);
                sizes[k] = size;
                if (!(cx0 - x1 > gap * size)) {
                    finite_field(c, F_X1, &v);
                    x1 = v > x1 ? v : x1; /* max(x1, c.x1) */
                    continue;
                }
            }
            PyObject *chunk = chunk_of(cs, start, k, x0, x1);
            if (chunk == NULL || PyList_Append(line, chunk))
                Py_CLEAR(line);
            Py_XDECREF(chunk);
            if (k < m) {
                start = k;
                x0 = cx0;
                finite_field(PyList_GET_ITEM(cs, k), F_X1, &x1);
            }
        }
        sort_values(sizes, m, tmp);
        PyObject *items[2] = {line, line ? PyFloat_FromDouble(sizes[m / 2]) : NULL};
        PyObject *piece = tuple_of(2, items);
        if (piece == NULL)
            Py_CLEAR(out);
        else
            PyList_SET_ITEM(out, i, piece);
    }
    PyMem_Free(sizes);
    PyMem_Free(tmp);
    return out;
}

/* tables.page_to_layout's count of each text among a page's characters, as
 * collections.Counter(c.text for c in chars) gives it (texts in the order
 * first seen); None where an item is not a `Char` with a text. */
static PyObject *
tally(PyObject *self, PyObject *chars)
{
    if (check_chars(chars) < 0)
        return NULL;
    PyObject *counts = PyDict_New();
    for (Py_ssize_t i = 0; counts != NULL && i < PyList_GET_SIZE(chars); i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        PyObject *t = Py_IS_TYPE(c, char_type) ? SLOT(c, offsets[F_TEXT]) : NULL;
        if (t == NULL) {
            Py_DECREF(counts);
            Py_RETURN_NONE;
        }
        PyObject *n = PyDict_GetItemWithError(counts, t); /* borrowed */
        if (n == NULL && PyErr_Occurred()) {
            Py_CLEAR(counts);
            break;
        }
        Py_ssize_t k = n == NULL ? 0 : PyLong_AsSsize_t(n);
        PyObject *more = k < 0 ? NULL : PyLong_FromSsize_t(k + 1);
        if (more == NULL || PyDict_SetItem(counts, t, more) < 0)
            Py_CLEAR(counts);
        Py_XDECREF(more);
    }
    return counts;
}

/* hidden.split_hidden's common case: a character whose centre lies on the
 * page (and in `crop`), set at 1 pt or more, filled, not white, with no
 * cover on the page, is visible; every other one goes to `decide(c)`, the
 * Python rules, which names its reason or says None (visible).  Returns
 * the visible characters; the hidden are appended to `hidden` as (char,
 * reason). */
static PyObject *
visible(PyObject *self, PyObject *args)
{
    PyObject *chars, *crop, *decide, *hidden;
    double w, h;
    int covers;
    if (!PyArg_ParseTuple(args, "O!ddOpOO!:visible", &PyList_Type, &chars, &w, &h, &crop, &covers,
                          &decide, &PyList_Type, &hidden) ||
        check_chars(chars) < 0)
        return NULL;
    double box[4] = {0, 0, 0, 0};
    int cropped = crop != Py_None;
    if (cropped) {
        if (!PyTuple_Check(crop) || PyTuple_GET_SIZE(crop) != 4) {
            PyErr_SetString(PyExc_TypeError, "visible: crop must be a 4-tuple or None");
            return NULL;
        }
        for (int k = 0; k < 4; k++) {
            box[k] = PyFloat_AsDouble(PyTuple_GET_ITEM(crop, k));
            if (box[k] == -1.0 && PyErr_Occurred())
                return NULL;
        }
    }
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    /* The list's length read at each step: `decide` is Python code. */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(chars); i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        int common = 0;
        if (!covers && Py_IS_TYPE(c, char_type)) {
            PyObject *f[5] = {SLOT(c, offsets[F_X0]), SLOT(c, offsets[F_X1]),
                              SLOT(c, offsets[F_TOP]), SLOT(c, offsets[F_BOTTOM]),
                              SLOT(c, offsets[F_SIZE])};
            PyObject *render = SLOT(c, offsets[F_RENDER]), *white = SLOT(c, offsets[F_WHITE]);
            int floats = render != NULL && white != NULL;
            for (int k = 0; k < 5 && floats; k++)
                floats = f[k] != NULL && PyFloat_CheckExact(f[k]);
            /* `c.render or c.white`: their truth, as Python tests it. */
            int marked = floats ? PyObject_IsTrue(render) : 1;
            if (marked == 0)
                marked = PyObject_IsTrue(white);
            if (marked < 0)
                goto fail;
            if (floats && !marked) {
                double mx = (PyFloat_AS_DOUBLE(f[0]) + PyFloat_AS_DOUBLE(f[1])) / 2;
                double my = (PyFloat_AS_DOUBLE(f[2]) + PyFloat_AS_DOUBLE(f[3])) / 2;
                common = 0 <= mx && mx <= w && 0 <= my && my <= h &&
                         (!cropped || (box[0] <= mx && mx <= box[2] && box[1] <= my &&
                                       my <= box[3])) &&
                         !(PyFloat_AS_DOUBLE(f[4]) < 1.0);
            }
        }
        if (!common) {
            PyObject *reason = PyObject_CallOneArg(decide, c);
            if (reason == NULL)
                goto fail;
            if (reason != Py_None) {
                PyObject *pair = PyTuple_Pack(2, c, reason);
                Py_DECREF(reason);
                if (pair == NULL || PyList_Append(hidden, pair)) {
                    Py_XDECREF(pair);
                    goto fail;
                }
                Py_DECREF(pair);
                continue;
            }
            Py_DECREF(reason);
        }
        if (PyList_Append(out, c))
            goto fail;
    }
    return out;
fail:
    Py_DECREF(out);
    return NULL;
}


/* A list or tuple of numbers as doubles (PyMem); NULL with no error set
 * when an item is not a finite float or an int exact as a double. */
static double *
doubles(PyObject *seq, Py_ssize_t *n)
{
    if (!PyList_Check(seq) && !PyTuple_Check(seq))
        return NULL;
    *n = PySequence_Fast_GET_SIZE(seq);
    double *out = PyMem_Malloc((size_t)(*n ? *n : 1) * sizeof(double));
    if (out == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < *n; i++) {
        PyObject *v = PySequence_Fast_GET_ITEM(seq, i);
        int ok = 1;
        if (PyFloat_CheckExact(v))
            out[i] = PyFloat_AS_DOUBLE(v);
        else if (PyLong_CheckExact(v)) {
            /* An int compares with a float exactly only below 2**53. */
            out[i] = PyLong_AsDouble(v);
            if (out[i] == -1.0 && PyErr_Occurred()) {
                PyErr_Clear();
                ok = 0;
            }
            ok = ok && fabs(out[i]) < 9007199254740992.0;
        }
        else
            ok = 0;
        if (!ok || !isfinite(out[i])) {
            PyMem_Free(out);
            return NULL;
        }
    }
    return out;
}

/* bisect.bisect_left over finite sorted doubles. */
static Py_ssize_t
bisect_left(const double *a, Py_ssize_t n, double x)
{
    Py_ssize_t lo = 0, hi = n;
    while (lo < hi) {
        Py_ssize_t mid = (lo + hi) / 2;
        if (a[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int
inside(const double *b, double x, double y)
{
    return b[0] <= x && x <= b[2] && b[1] <= y && y <= b[3];
}

/* tables._place_chars' loop: each character whose centre lies in the grid's
 * frame goes to the cell box holding it (found through the slot table
 * `lead` by two bisections, else by a scan of `boxes`, the first winning)
 * in `per_box`, or to `stray`; the others to `rest`.  Every owner is found
 * before anything is appended: False, with nothing touched, where a value
 * is not a finite float or a shape is not what the Python expects (then the
 * Python loop runs, and raises what it raises). */
static PyObject *
place(PyObject *self, PyObject *args)
{
    PyObject *chars, *frame, *tops_obj, *xs_obj, *lead, *boxes_obj, *per_box, *stray, *rest;
    if (!PyArg_ParseTuple(args, "O!OOOO!O!O!O!O!:place", &PyList_Type, &chars, &frame, &tops_obj,
                          &xs_obj, &PyList_Type, &lead, &PyList_Type, &boxes_obj, &PyDict_Type,
                          &per_box, &PyList_Type, &stray, &PyList_Type, &rest) ||
        check_chars(chars) < 0)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(chars), nb = PyList_GET_SIZE(boxes_obj), nt = 0, nx = 0, nf = 0;
    Py_ssize_t nl = PyList_GET_SIZE(lead);
    double *tops = doubles(tops_obj, &nt), *xs = doubles(xs_obj, &nx), *g = doubles(frame, &nf);
    double *boxes = PyMem_Malloc((size_t)(nb ? nb : 1) * 4 * sizeof(double));
    Py_ssize_t *owners = PyMem_Malloc((size_t)(n ? n : 1) * sizeof(Py_ssize_t));
    int handled = tops && xs && g && boxes && owners && nf == 4;
    for (Py_ssize_t k = 0; k < nb && handled; k++) {
        Py_ssize_t four = 0;
        double *b = doubles(PyList_GET_ITEM(boxes_obj, k), &four);
        handled = b != NULL && four == 4;
        if (handled)
            memcpy(boxes + 4 * k, b, 4 * sizeof(double));
        PyMem_Free(b);
    }
    for (Py_ssize_t i = 0; i < n && handled; i++) {
        PyObject *c = PyList_GET_ITEM(chars, i);
        double x0, x1, top, bottom;
        if (!Py_IS_TYPE(c, char_type) || finite_field(c, F_X0, &x0) ||
            finite_field(c, F_X1, &x1) || finite_field(c, F_TOP, &top) ||
            finite_field(c, F_BOTTOM, &bottom)) {
            handled = 0;
            break;
        }
        double mx = (x0 + x1) / 2, my = (top + bottom) / 2;
        if (!(g[0] <= mx && mx <= g[2] && g[1] <= my && my <= g[3])) {
            owners[i] = -2; /* outside the frame */
            continue;
        }
        Py_ssize_t r = bisect_left(tops, nt, my), col = bisect_left(xs, nx, mx);
        PyObject *row = r < nl ? PyList_GET_ITEM(lead, r) : NULL;
        if (row == NULL || !PyList_Check(row) || col >= PyList_GET_SIZE(row) ||
            !PyLong_CheckExact(PyList_GET_ITEM(row, col))) {
            handled = 0;
            break;
        }
        long owner = PyLong_AsLong(PyList_GET_ITEM(row, col));
        if (owner == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            handled = 0;
            break;
        }
        if (owner >= nb) {
            handled = 0;
            break;
        }
        if (!(owner >= 0 && inside(boxes + 4 * owner, mx, my))) {
            owner = -1; /* the scan: the first box holding the centre */
            for (Py_ssize_t k = 0; k < nb; k++)
                if (inside(boxes + 4 * k, mx, my)) {
                    owner = (long)k;
                    break;
                }
        }
        owners[i] = owner;
    }
    PyMem_Free(tops);
    PyMem_Free(xs);
    PyMem_Free(g);
    PyMem_Free(boxes);
    if (PyErr_Occurred()) {
        PyMem_Free(owners);
        return NULL;
    }
    if (!handled) {
        PyMem_Free(owners);
        Py_RETURN_FALSE;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *c = PyList_GET_ITEM(chars, i), *into;
        if (owners[i] == -2)
            into = rest;
        else if (owners[i] == -1)
            into = stray;
        else {
            PyObject *key = PyLong_FromSsize_t(owners[i]);
            into = key ? PyDict_GetItemWithError(per_box, key) : NULL;
            if (into == NULL && key != NULL && !PyErr_Occurred()) {
                PyObject *fresh = PyList_New(0);
                if (fresh != NULL && PyDict_SetItem(per_box, key, fresh) == 0)
                    into = fresh;
                Py_XDECREF(fresh); /* the dict holds it */
            }
            Py_XDECREF(key);
            if (into != NULL && !PyList_Check(into)) {
                PyErr_SetString(PyExc_TypeError, "place: per_box holds a non-list");
                into = NULL;
            }
        }
        if (into == NULL || PyList_Append(into, c)) {
            PyMem_Free(owners);
            return NULL;
        }
    }
    PyMem_Free(owners);
    Py_RETURN_TRUE;
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_O, "bind(char_type): the class whose slots the passes read."},
    {"no_twins", no_twins, METH_VARARGS,
     "no_twins(chars, tol) -> bool: True when lines.dedupe would drop nothing."},
    {"group", group, METH_O,
     "group(chars) -> [(chars by x0, x1, top, bottom, median size)] or None: "
     "lines.group_lines' clustering."},
    {"wide_texts", wide_texts, METH_VARARGS,
     "wide_texts(grouped, wide, no_end, no_start) -> [(text, first unit width) or None]: "
     "lines._lines_of's text and first unit of each line of wide characters."},
    {"chunks", chunks, METH_VARARGS,
     "chunks(grouped, gap) -> [([(x0, x1, text)], upper median size)] or None: "
     "borderless_lines.text_lines' chunks of each line."},
    {"tab_lines", tab_lines, METH_VARARGS,
     "tab_lines(groups, wide_gap) -> [index]: the lines tabs.find_tabs may find a tab on."},
    {"text_loop", text_loop, METH_VARARGS,
     "text_loop(chars, tabs, is_wide) -> str or None: lines._text_loop of one line."},
    {"tally", tally, METH_O,
     "tally(chars) -> {text: count} or None: collections.Counter of the characters' texts."},
    {"visible", visible, METH_VARARGS,
     "visible(chars, width, height, crop, any_cover, decide, hidden) -> visible chars: "
     "hidden.split_hidden's common case, the rest decided by decide(c)."},
    {"place", place, METH_VARARGS,
     "place(chars, frame, tops, xs, lead, boxes, per_box, stray, rest) -> bool: "
     "tables._place_chars' loop; False, nothing touched, where Python must do it."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_passes", "Per-character layout passes in C (docs/pdf.md).", -1,
    methods,
};

PyMODINIT_FUNC
PyInit__passes(void)
{
    return PyModule_Create(&module);
}
