/* Where each field of `layout.page_model.Char` (a slots dataclass) lies in
 * an instance, read from the class's member descriptors: the compiled
 * passes (read/pdf/_native.c, read/layout/_passes.c) read and write a
 * character's fields there, with no attribute lookup.  Shared by both. */
#ifndef POLICY_PARSE_SLOTS_H
#define POLICY_PARSE_SLOTS_H

#include <Python.h>
#include <structmember.h>

enum { F_TEXT, F_X0, F_X1, F_TOP, F_BOTTOM, F_SIZE, F_WHITE, F_RENDER, F_ORDER, N_FIELDS };

static const char *const field_names[N_FIELDS] = {
    "text", "x0", "x1", "top", "bottom", "size", "white", "render", "order",
};

/* Fill `offsets` from `type`'s descriptors; -1 with TypeError when one is
 * not a writable object slot inside the instance. */
static int
slot_offsets(PyTypeObject *type, Py_ssize_t offsets[N_FIELDS])
{
    for (int k = 0; k < N_FIELDS; k++) {
        PyObject *d = PyObject_GetAttrString((PyObject *)type, field_names[k]);
        if (d == NULL)
            return -1;
        int ok = Py_IS_TYPE(d, &PyMemberDescr_Type);
        PyMemberDef *m = ok ? ((PyMemberDescrObject *)d)->d_member : NULL;
        ok = ok && m->type == T_OBJECT_EX && !(m->flags & READONLY) && m->offset > 0 &&
             m->offset + (Py_ssize_t)sizeof(PyObject *) <= type->tp_basicsize;
        if (ok)
            offsets[k] = m->offset;
        Py_DECREF(d);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "%s.%s is not a writable object slot", type->tp_name,
                         field_names[k]);
            return -1;
        }
    }
    return 0;
}

/* The object in slot `offset` of `c` (borrowed; NULL when unset). */
#define SLOT(c, offset) (*(PyObject **)((char *)(c) + (offset)))

#endif
