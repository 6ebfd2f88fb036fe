/* policy_parse.read.pdf._native: the PDFium engine's per-character loop in C
 * (docs/pdf.md, "The compiled character loop").
 *
 * `read.pdf.pdfium` reads every character of a text page through four or
 * five PDFium calls and builds a `layout.page_model.Char` for it; in Python
 * that loop was a third of a page's reading time.  This module does the same
 * loop in one call per page, with the same PDFium functions: their addresses
 * come from pypdfium2's own ctypes bindings (`bind`), so nothing is linked
 * or loaded here, and the library is the one pypdfium2 loaded.  The Python
 * loop (`read.pdf.characters.chars_py`) stays the reference: both give equal
 * `Char`s, field by field, on every test PDF (tests/read/pdf/test_native.py).
 *
 * Plain C against the CPython API (no build dependency but a C compiler and
 * Python's headers); optional: without it, or with POLICY_PARSE_NATIVE=0,
 * the Python loop runs.  The GIL is held throughout, as the Python loop's
 * PYFUNCTYPE calls hold it: each PDFium call returns at once and calls no
 * Python.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>

#include "../layout/_slots.h"

typedef struct {
    float left, top, right, bottom;
} rectf;

typedef int (*count_chars_fn)(void *);
typedef unsigned int (*get_unicode_fn)(void *, int);
typedef int (*is_generated_fn)(void *, int);
typedef int (*loose_box_fn)(void *, int, rectf *);
typedef double (*font_size_fn)(void *, int);
typedef int (*char_origin_fn)(void *, int, double *, double *);
typedef void *(*text_object_fn)(void *, int);
typedef int (*get_text_fn)(void *, int, int, unsigned short *);
/* The page-object walk's calls. */
typedef void *(*page_object_fn)(void *, int);
typedef void *(*form_object_fn)(void *, unsigned long);
typedef int (*object_type_fn)(void *);
typedef int (*object_bounds_fn)(void *, float *, float *, float *, float *);
typedef int (*render_mode_fn)(void *);
typedef int (*color_fn)(void *, unsigned int *, unsigned int *, unsigned int *, unsigned int *);
/* A path's segments. */
typedef int (*count_segments_fn)(void *);
typedef void *(*path_segment_fn)(void *, int);
typedef int (*segment_point_fn)(void *, float *, float *);
typedef int (*segment_int_fn)(void *);
typedef int (*draw_mode_fn)(void *, int *, int *);
typedef struct {
    float a, b, c, d, e, f;
} matrixf;
typedef int (*matrix_fn)(void *, matrixf *);

static count_chars_fn count_chars;
static get_unicode_fn get_unicode;
static is_generated_fn is_generated;
static loose_box_fn loose_box;
static font_size_fn font_size;
static char_origin_fn char_origin;
static text_object_fn text_object;
static get_text_fn get_text;
static page_object_fn page_object;
static form_object_fn form_object;
static object_type_fn object_type;
static object_bounds_fn object_bounds;
static render_mode_fn render_mode;
static color_fn fill_color;
static color_fn stroke_color;
static count_segments_fn count_segments;
static path_segment_fn path_segment;
static segment_point_fn segment_point;
static segment_int_fn segment_type;
static segment_int_fn segment_close;
static draw_mode_fn draw_mode;
static matrix_fn object_matrix;

#define FPDF_PAGEOBJ_TEXT 1
/* A colour at or above this in each of R, G, B (0-255) does not show
 * (pdfium._WHITE). */
#define WHITE (0.95 * 255)

/* The Char class and where each of its slots lies in an instance. */
static PyTypeObject *char_type;
static Py_ssize_t offsets[N_FIELDS];
static PyObject *dash; /* "-", a hyphen PDFium marks as U+0002 / U+FFFE */
static PyObject *zero; /* render mode 0 */

/* More characters than this on one page is no text page (PDFium's own
 * counts are ints; this keeps every buffer size far from overflow). */
#define MAX_CHARS (1 << 26)

static void *
address_of(PyObject *value, const char *what)
{
    void *p = PyLong_AsVoidPtr(value);
    if (p == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "%s: a null address", what);
    return p;
}

static PyObject *
bind(PyObject *self, PyObject *args)
{
    PyObject *type, *fns[8];
    if (!PyArg_ParseTuple(args, "O!OOOOOOOO:bind", &PyType_Type, &type, &fns[0], &fns[1],
                          &fns[2], &fns[3], &fns[4], &fns[5], &fns[6], &fns[7]))
        return NULL;
    void *p[8];
    for (int k = 0; k < 8; k++) {
        p[k] = address_of(fns[k], "bind");
        if (p[k] == NULL)
            return NULL;
    }
    PyTypeObject *t = (PyTypeObject *)type;
    Py_ssize_t found[N_FIELDS];
    if (slot_offsets(t, found) < 0)
        return NULL;
    count_chars = (count_chars_fn)p[0];
    get_unicode = (get_unicode_fn)p[1];
    is_generated = (is_generated_fn)p[2];
    loose_box = (loose_box_fn)p[3];
    font_size = (font_size_fn)p[4];
    char_origin = (char_origin_fn)p[5];
    text_object = (text_object_fn)p[6];
    get_text = (get_text_fn)p[7];
    memcpy(offsets, found, sizeof offsets);
    Py_INCREF(type);
    Py_XSETREF(char_type, t);
    Py_RETURN_NONE;
}

/* Store `value` (a new reference, stolen) in slot `k` of a fresh Char. */
static inline void
put(PyObject *c, int k, PyObject *value)
{
    PyObject *old = SLOT(c, offsets[k]);
    SLOT(c, offsets[k]) = value;
    Py_XDECREF(old);
}

/* The page's text, one unit per character index, as FPDFText_GetText gives
 * it and the Python loop decodes it (UTF-16, lone surrogates kept); NULL
 * with no error set when it is not one unit per index (a character outside
 * the BMP), so that the caller asks for each character's code instead. */
static PyObject *
page_text(void *tp, int n)
{
    unsigned short *buf = PyMem_Calloc((size_t)n + 1, sizeof(unsigned short));
    if (buf == NULL)
        return PyErr_NoMemory();
    int got = get_text(tp, 0, n, buf);
    Py_ssize_t units = got - 1 > 0 ? got - 1 : 0;
    if (units > (Py_ssize_t)n + 1) /* never more than the buffer holds */
        units = (Py_ssize_t)n + 1;
    int order = -1; /* little-endian */
    PyObject *text = PyUnicode_DecodeUTF16((const char *)buf, 2 * units, "surrogatepass", &order);
    PyMem_Free(buf);
    if (text != NULL && PyUnicode_GET_LENGTH(text) != n)
        Py_CLEAR(text);
    return text;
}

/* One string per character of the BMP, made on its first use and kept for
 * the process: a page repeats its characters (the 23-page sample draws
 * 20,044 characters, 752 distinct), and the layout counts, sets and
 * compares their texts, each new string hashed anew and compared by
 * content; one string per character is hashed once and found by identity.
 * Strings are immutable: sharing them changes no value. */
static PyObject *bmp_chars[0x10000];

static PyObject *
one_char(Py_UCS4 ch)
{
    if (ch >= 0x10000)
        return PyUnicode_FromOrdinal((int)ch);
    PyObject *s = bmp_chars[ch];
    if (s == NULL) {
        s = PyUnicode_FromOrdinal((int)ch);
        if (s == NULL)
            return NULL;
        bmp_chars[ch] = s; /* the cache's reference */
    }
    return Py_NewRef(s);
}

/* The (order, white, render) of a text object from `texts`, or `fallback`:
 * a borrowed reference. */
static PyObject *
facts_of(PyObject *texts, void *obj, PyObject *fallback)
{
    if (obj == NULL)
        return fallback;
    PyObject *key = PyLong_FromVoidPtr(obj);
    if (key == NULL)
        return NULL;
    PyObject *got = PyDict_GetItemWithError(texts, key);
    Py_DECREF(key);
    if (got == NULL)
        return PyErr_Occurred() ? NULL : fallback;
    if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 3) {
        PyErr_SetString(PyExc_TypeError, "chars: a text object's facts are not a 3-tuple");
        return NULL;
    }
    return got;
}

static PyObject *
chars(PyObject *self, PyObject *args)
{
    PyObject *tp_obj, *texts, *first;
    double height;
    if (!PyArg_ParseTuple(args, "OdOO:chars", &tp_obj, &height, &texts, &first))
        return NULL;
    if (char_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "chars: bind() was not called");
        return NULL;
    }
    int tie = texts != Py_None;
    if (tie && !PyDict_Check(texts)) {
        PyErr_SetString(PyExc_TypeError, "chars: texts must be a dict or None");
        return NULL;
    }
    void *tp = address_of(tp_obj, "chars");
    if (tp == NULL)
        return NULL;
    int n = count_chars(tp);
    PyObject *out = PyList_New(0);
    if (out == NULL || n <= 0)
        return out;
    if (n > MAX_CHARS) {
        Py_DECREF(out);
        return PyErr_Format(PyExc_ValueError, "chars: %d characters on one page", n);
    }
    PyObject *fallback = PyTuple_Pack(3, first, Py_False, zero);
    PyObject *text = fallback ? page_text(tp, n) : NULL;
    if (fallback == NULL || (text == NULL && PyErr_Occurred()))
        goto fail;
    PyObject *facts = fallback; /* borrowed */
    void *last_obj = NULL;
    int have_obj = 0;
    rectf box = {0, 0, 0, 0};
    double ox = 0.0, oy = 0.0;
    double last_top = NAN, last_bottom = NAN, size = 0.0, bottom = 0.0;
    PyObject *size_obj = NULL, *bottom_obj = NULL, *top_obj = NULL;
    for (int i = 0; i < n; i++) {
        Py_UCS4 ch = text ? PyUnicode_READ_CHAR(text, i) : get_unicode(tp, i);
        if (ch == ' ' || ch == '\r' || ch == '\n') {
            if (is_generated(tp, i) == 1)
                continue;
        }
        else if (ch == 0)
            continue;
        PyObject *s;
        if (ch == 0x02 || ch == 0xFFFE) {
            s = Py_NewRef(dash);
        }
        else {
            if (ch > 0x10FFFF) { /* as chr() refuses it */
                PyErr_Format(PyExc_ValueError, "chr() arg not in range(0x110000)");
                goto fail;
            }
            s = one_char(ch);
            if (s == NULL)
                goto fail;
        }
        if (tie) {
            void *obj = text_object(tp, i);
            if (!have_obj || obj != last_obj) {
                have_obj = 1;
                last_obj = obj;
                facts = facts_of(texts, obj, fallback);
                if (facts == NULL) {
                    Py_DECREF(s);
                    goto fail;
                }
            }
        }
        loose_box(tp, i, &box); /* a failed call leaves the last box, as in Python */
        double left = box.left, top = box.top, right = box.right, low = box.bottom;
        if (top != last_top || low != last_bottom || size_obj == NULL) {
            last_top = top;
            last_bottom = low;
            size = font_size(tp, i);
            if (size == 0.0)
                size = 1.0; /* `or 1.0`: a zero size (a NaN stays) */
            char_origin(tp, i, &ox, &oy);
            bottom = height - oy;
            Py_XDECREF(size_obj);
            Py_XDECREF(bottom_obj);
            Py_XDECREF(top_obj);
            size_obj = PyFloat_FromDouble(size);
            bottom_obj = PyFloat_FromDouble(bottom);
            top_obj = PyFloat_FromDouble(bottom - size);
            if (size_obj == NULL || bottom_obj == NULL || top_obj == NULL) {
                Py_DECREF(s);
                goto fail_run;
            }
        }
        PyObject *c = char_type->tp_alloc(char_type, 0);
        if (c == NULL) {
            Py_DECREF(s);
            goto fail_run;
        }
        put(c, F_TEXT, s);
        PyObject *x0 = PyFloat_FromDouble(left), *x1 = PyFloat_FromDouble(right);
        if (x0 == NULL || x1 == NULL) {
            Py_XDECREF(x0);
            Py_XDECREF(x1);
            Py_DECREF(c);
            goto fail_run;
        }
        put(c, F_X0, x0);
        put(c, F_X1, x1);
        put(c, F_TOP, Py_NewRef(top_obj));
        put(c, F_BOTTOM, Py_NewRef(bottom_obj));
        put(c, F_SIZE, Py_NewRef(size_obj));
        put(c, F_ORDER, Py_NewRef(PyTuple_GET_ITEM(facts, 0)));
        put(c, F_WHITE, Py_NewRef(PyTuple_GET_ITEM(facts, 1)));
        put(c, F_RENDER, Py_NewRef(PyTuple_GET_ITEM(facts, 2)));
        /* Its fields are a str, floats, an int and a bool: no cycle can run
         * through it, so the cyclic collector need not walk it (as CPython
         * untracks a tuple of such values).  A page's characters live
         * until its lines are built, and every collection meanwhile walked
         * each of them: ~16M instructions of the 23-page sample's worker
         * (benchmarks/README.md, "Issue 26: the page worker, round 4"). */
        PyObject_GC_UnTrack(c);
        int bad = PyList_Append(out, c);
        Py_DECREF(c);
        if (bad)
            goto fail_run;
    }
    Py_XDECREF(size_obj);
    Py_XDECREF(bottom_obj);
    Py_XDECREF(top_obj);
    Py_XDECREF(text);
    Py_DECREF(fallback);
    return out;
fail_run:
    Py_XDECREF(size_obj);
    Py_XDECREF(bottom_obj);
    Py_XDECREF(top_obj);
fail:
    Py_XDECREF(text);
    Py_XDECREF(fallback);
    Py_DECREF(out);
    return NULL;
}


static PyObject *
bind_walk(PyObject *self, PyObject *args)
{
    PyObject *fns[7];
    if (!PyArg_ParseTuple(args, "OOOOOOO:bind_walk", &fns[0], &fns[1], &fns[2], &fns[3],
                          &fns[4], &fns[5], &fns[6]))
        return NULL;
    void *p[7];
    for (int k = 0; k < 7; k++) {
        p[k] = address_of(fns[k], "bind_walk");
        if (p[k] == NULL)
            return NULL;
    }
    page_object = (page_object_fn)p[0];
    form_object = (form_object_fn)p[1];
    object_type = (object_type_fn)p[2];
    object_bounds = (object_bounds_fn)p[3];
    render_mode = (render_mode_fn)p[4];
    fill_color = (color_fn)p[5];
    stroke_color = (color_fn)p[6];
    Py_RETURN_NONE;
}

/* pdfium._white: a colour that does not show (none counts as showing). */
static int
white_of(color_fn get, void *obj)
{
    unsigned int r, g, b, a;
    if (!get(obj, &r, &g, &b, &a))
        return 0;
    return a == 0 || (r >= WHITE && g >= WHITE && b >= WHITE);
}

static int
fills(int render)
{
    return render == 0 || render == 2 || render == 4 || render == 6;
}

static int
strokes(int render)
{
    return render == 1 || render == 2 || render == 5 || render == 6;
}

/* pdfium._walk's branch for text objects, over the objects of `parent` from
 * index k on, up to the first that is not a text object (or is null) or to
 * `count`: each appends (address, order, white, render) to `texts`, a
 * text object PDFium gives no width to `unmeasured`.  Returns (the index
 * where it stopped, the next order, whether a text object was white or in a
 * render mode other than fill). */
static PyObject *
walk_texts(PyObject *self, PyObject *args)
{
    PyObject *parent_obj, *texts, *unmeasured;
    int is_form, k, count;
    long order;
    if (!PyArg_ParseTuple(args, "OpiilO!O!:walk_texts", &parent_obj, &is_form, &k, &count, &order,
                          &PyList_Type, &texts, &PyList_Type, &unmeasured))
        return NULL;
    if (object_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "walk_texts: bind_walk() was not called");
        return NULL;
    }
    void *parent = address_of(parent_obj, "walk_texts");
    if (parent == NULL)
        return NULL;
    int marked = 0;
    for (; k < count; k++) {
        void *obj = is_form ? form_object(parent, (unsigned long)k) : page_object(parent, k);
        if (obj == NULL || object_type(obj) != FPDF_PAGEOBJ_TEXT)
            break;
        PyObject *addr = PyLong_FromVoidPtr(obj);
        if (addr == NULL)
            return NULL;
        float left, bottom, right, top;
        if (object_bounds(obj, &left, &bottom, &right, &top)) {
            double w = (double)right - (double)left;
            if (-1e-3 < w && w < 1e-3 && PyList_Append(unmeasured, addr)) {
                Py_DECREF(addr);
                return NULL;
            }
        }
        int render = render_mode(obj);
        int white;
        if (render == 0)
            white = white_of(fill_color, obj);
        else {
            white = (fills(render) || strokes(render)) &&
                    (!fills(render) || white_of(fill_color, obj)) &&
                    (!strokes(render) || white_of(stroke_color, obj));
            marked = 1;
        }
        if (white)
            marked = 1;
        /* (address, order, white, render mode), built directly: a format
         * string parsed per text object was a third of this loop. */
        PyObject *entry = PyTuple_New(4), *order_obj = PyLong_FromLong(order),
                 *render_obj = PyLong_FromLong(render);
        if (entry == NULL || order_obj == NULL || render_obj == NULL) {
            Py_XDECREF(entry);
            Py_XDECREF(order_obj);
            Py_XDECREF(render_obj);
            Py_DECREF(addr);
            return NULL;
        }
        PyTuple_SET_ITEM(entry, 0, addr);
        PyTuple_SET_ITEM(entry, 1, order_obj);
        PyTuple_SET_ITEM(entry, 2, Py_NewRef(white ? Py_True : Py_False));
        PyTuple_SET_ITEM(entry, 3, render_obj);
        int bad = PyList_Append(texts, entry);
        Py_DECREF(entry);
        if (bad)
            return NULL;
        order++;
    }
    return Py_BuildValue("(ilO)", k, order, marked ? Py_True : Py_False);
}

static PyObject *
bind_paths(PyObject *self, PyObject *args)
{
    PyObject *fns[7];
    if (!PyArg_ParseTuple(args, "OOOOOOO:bind_paths", &fns[0], &fns[1], &fns[2], &fns[3],
                          &fns[4], &fns[5], &fns[6]))
        return NULL;
    void *p[7];
    for (int k = 0; k < 7; k++) {
        p[k] = address_of(fns[k], "bind_paths");
        if (p[k] == NULL)
            return NULL;
    }
    draw_mode = (draw_mode_fn)p[0];
    object_matrix = (matrix_fn)p[1];
    count_segments = (count_segments_fn)p[2];
    path_segment = (path_segment_fn)p[3];
    segment_point = (segment_point_fn)p[4];
    segment_type = (segment_int_fn)p[5];
    segment_close = (segment_int_fn)p[6];
    Py_RETURN_NONE;
}

/* A path's segments: for each, its point (x, y as PDFium's floats), its
 * type and whether it closes its subpath.  A point PDFium cannot give
 * leaves the previous one's (0, 0 before the first), as the ctypes loop's
 * reused out-parameters do. */
static PyObject *
segments_of(void *path)
{
    int n = count_segments(path);
    PyObject *out = PyList_New(n > 0 ? n : 0);
    if (out == NULL)
        return NULL;
    float x = 0.0f, y = 0.0f;
    for (int k = 0; k < n; k++) {
        void *seg = path_segment(path, k);
        segment_point(seg, &x, &y);
        PyObject *entry = PyTuple_New(4), *x_obj = PyFloat_FromDouble((double)x),
                 *y_obj = PyFloat_FromDouble((double)y),
                 *type_obj = PyLong_FromLong(segment_type(seg));
        if (entry == NULL || x_obj == NULL || y_obj == NULL || type_obj == NULL) {
            Py_XDECREF(entry);
            Py_XDECREF(x_obj);
            Py_XDECREF(y_obj);
            Py_XDECREF(type_obj);
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(entry, 0, x_obj);
        PyTuple_SET_ITEM(entry, 1, y_obj);
        PyTuple_SET_ITEM(entry, 2, type_obj);
        PyTuple_SET_ITEM(entry, 3, Py_NewRef(segment_close(seg) ? Py_True : Py_False));
        PyList_SET_ITEM(out, k, entry);
    }
    return out;
}

/* A colour as PDFium converts it (R, G, B, alpha: 0-255), or None. */
static PyObject *
rgba_of(color_fn get, void *obj)
{
    unsigned int r, g, b, a;
    if (!get(obj, &r, &g, &b, &a))
        Py_RETURN_NONE;
    return Py_BuildValue("(IIII)", r, g, b, a);
}

/* What pdfium._path_facts reads of a path object, in one call instead of
 * a ctypes call per fact and four per segment: None when PDFium gives no
 * draw mode, else (fill mode, stroke flag, its matrix (a..f) or None,
 * the stroke colour where it strokes, the fill colour where it fills,
 * its segments). */
static PyObject *
path_facts(PyObject *self, PyObject *arg)
{
    if (draw_mode == NULL || fill_color == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "path_facts: bind_paths() was not called");
        return NULL;
    }
    void *path = address_of(arg, "path_facts");
    if (path == NULL)
        return NULL;
    matrixf m;
    PyObject *matrix;
    if (object_matrix(path, &m))
        matrix = Py_BuildValue("(dddddd)", (double)m.a, (double)m.b, (double)m.c, (double)m.d,
                               (double)m.e, (double)m.f);
    else
        matrix = Py_NewRef(Py_None);
    if (matrix == NULL)
        return NULL;
    int fill = 0, stroke = 0;
    if (!draw_mode(path, &fill, &stroke)) {
        Py_DECREF(matrix);
        Py_RETURN_NONE;
    }
    PyObject *stroke_rgba = stroke ? rgba_of(stroke_color, path) : Py_NewRef(Py_None);
    PyObject *fill_rgba = fill ? rgba_of(fill_color, path) : Py_NewRef(Py_None);
    PyObject *segments = segments_of(path);
    if (stroke_rgba == NULL || fill_rgba == NULL || segments == NULL) {
        Py_DECREF(matrix);
        Py_XDECREF(stroke_rgba);
        Py_XDECREF(fill_rgba);
        Py_XDECREF(segments);
        return NULL;
    }
    return Py_BuildValue("(iiNNNN)", fill, stroke, matrix, stroke_rgba, fill_rgba, segments);
}

static PyMethodDef methods[] = {
    {"bind", bind, METH_VARARGS,
     "bind(char_type, CountChars, GetUnicode, IsGenerated, GetLooseCharBox, GetFontSize, "
     "GetCharOrigin, GetTextObject, GetText): the class to build and PDFium's functions by "
     "address."},
    {"chars", chars, METH_VARARGS,
     "chars(textpage_address, page_top_y, texts_or_None, first_order) -> list of Char: "
     "read.pdf.characters.chars_py's loop in one call."},
    {"bind_walk", bind_walk, METH_VARARGS,
     "bind_walk(FPDFPage_GetObject, FPDFFormObj_GetObject, FPDFPageObj_GetType, "
     "FPDFPageObj_GetBounds, FPDFTextObj_GetTextRenderMode, FPDFPageObj_GetFillColor, "
     "FPDFPageObj_GetStrokeColor): the walk's functions by address."},
    {"walk_texts", walk_texts, METH_VARARGS,
     "walk_texts(parent_address, is_form, k, count, order, texts, unmeasured) -> "
     "(k, order, marked): pdfium._walk's text objects from k up to the next other object."},
    {"bind_paths", bind_paths, METH_VARARGS,
     "bind_paths(FPDFPath_GetDrawMode, FPDFPageObj_GetMatrix, FPDFPath_CountSegments, "
     "FPDFPath_GetPathSegment, FPDFPathSegment_GetPoint, FPDFPathSegment_GetType, "
     "FPDFPathSegment_GetClose): the path calls by address."},
    {"path_facts", path_facts, METH_O,
     "path_facts(path_address) -> None | (fill, stroke, matrix, stroke_rgba, fill_rgba, "
     "[(x, y, type, closes)]): what pdfium._path_facts reads, in one call."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_native",
    "The PDFium engine's per-character loop in C (docs/pdf.md).", -1, methods,
};

PyMODINIT_FUNC
PyInit__native(void)
{
    dash = PyUnicode_InternFromString("-");
    zero = PyLong_FromLong(0);
    if (dash == NULL || zero == NULL)
        return NULL;
    return PyModule_Create(&module);
}
