/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-cli-format.h: the small writers the command line's reports share.
 *
 * CSV follows RFC 4180: CRLF after each record, a field is quoted when it
 * holds a comma, a double quote, CR or LF, and quotes inside are doubled.
 * A field a spreadsheet would take for a formula (=, +, -, @, tab or CR
 * first, and not a plain number) is quoted behind an apostrophe.
 * JSON is built and written by json-glib (JsonBuilder, JsonGenerator);
 * numbers that are not finite are written as null. Numbers never follow
 * the locale. In CSV: a point, at most @decimals places, no trailing zeros
 * ("3.5", "4", "0.807"); in JSON the same value, rounded the same way:
 * whole numbers as integers, others as json-glib writes a double (17
 * significant digits, "0.80700000000000005", which reads back as 0.807).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "" for a value that is not finite. */
char *cg_format_number (double value, int decimals);

void cg_csv_append_field (GString *out, const char *field);
/* Appends @n fields (NULL counts as empty) and the CRLF that ends a record. */
void cg_csv_append_row (GString *out, const char *const *fields, gsize n);

/* Builds a JSON document through a JsonBuilder; cg_json_writer_finish()
 * appends it to @out, pretty-printed by JsonGenerator (2-space indent) and
 * a final newline. @key is NULL inside an array and the member's name
 * inside an object. */
typedef struct
{
  GString *out;
  JsonBuilder *builder;
} CgJsonWriter;

/* Appends @root pretty-printed (2-space indent), each non-integer number in
 * the shortest text that reads back as the same double, and a newline. */
void cg_json_append_node (GString *out, JsonNode *root);
void cg_json_writer_init (CgJsonWriter *w, GString *out);
void cg_json_writer_finish (CgJsonWriter *w);
void cg_json_begin_object (CgJsonWriter *w, const char *key);
void cg_json_end_object (CgJsonWriter *w);
void cg_json_begin_array (CgJsonWriter *w, const char *key);
void cg_json_end_array (CgJsonWriter *w);
void cg_json_member_string (CgJsonWriter *w, const char *key, const char *value); /* NULL: null */
void cg_json_member_number (CgJsonWriter *w, const char *key, double value, int decimals);
void cg_json_member_uint (CgJsonWriter *w, const char *key, guint value);
void cg_json_member_bool (CgJsonWriter *w, const char *key, gboolean value);
/* An array of counts. */
void cg_json_member_uint_array (CgJsonWriter *w, const char *key, const guint *values, gsize n);

/* Writes @data to standard output and flushes it. */
gboolean cg_cli_write_stdout (const GString *data, GError **error);

G_END_DECLS
