/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-cli"
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cg-cli-format.h"

char *
cg_format_number (double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  gsize len;

  g_return_val_if_fail (decimals >= 0 && decimals <= 9, NULL);
  if (!isfinite (value))
    return g_strdup ("");
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  len = strlen (buf);
  if (strchr (buf, '.') != NULL)
    {
      while (buf[len - 1] == '0')
        buf[--len] = '\0';
      if (buf[len - 1] == '.')
        buf[--len] = '\0';
    }
  /* A value that rounds to zero from below would print "-0". */
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

/* TRUE when @field is a plain number ("-0.25", "+3"): spreadsheets read it
 * as one, and it must stay one. */
static gboolean
is_number (const char *field)
{
  char *end = NULL;

  if (field[0] == '\0' || g_ascii_isspace (field[0]))
    return FALSE;
  g_ascii_strtod (field, &end);
  return end != NULL && end != field && *end == '\0';
}

/* A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or
 * CR before one): a partner's name like "=HYPERLINK(...)" must reach the
 * analyst as text. OWASP's advice: lead with an apostrophe, which
 * spreadsheets show as "text follows" and never as part of the value. */
static gboolean
is_formula_like (const char *field)
{
  return field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL && !is_number (field);
}

void
cg_csv_append_field (GString *out, const char *field)
{
  gboolean formula;

  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;
  formula = is_formula_like (field);
  if (!formula && strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cg_csv_append_row (GString *out, const char *const *fields, gsize n)
{
  g_return_if_fail (out != NULL);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      cg_csv_append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
json_append_char (GString *out, gunichar c)
{
  switch (c)
    {
    case '"': g_string_append (out, "\\\""); break;
    case '\\': g_string_append (out, "\\\\"); break;
    case '\b': g_string_append (out, "\\b"); break;
    case '\f': g_string_append (out, "\\f"); break;
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      /* Control characters must be escaped; U+2028 and U+2029 are valid
       * JSON but end a line in JavaScript, so they are escaped too. */
      if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
}

void
cg_json_append_string (GString *out, const char *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  /* Text in a session is valid UTF-8 already; anything else is repaired
   * rather than copied, so the output always parses. */
  valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_string_append_c (out, '"');
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    json_append_char (out, g_utf8_get_char (p));
  g_string_append_c (out, '"');
}

void
cg_json_append_number (GString *out, double value, int decimals)
{
  g_autofree char *s = NULL;

  g_return_if_fail (out != NULL);

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  s = cg_format_number (value, decimals);
  g_string_append (out, s);
}

void
cg_json_writer_init (CgJsonWriter *w, GString *out)
{
  g_return_if_fail (w != NULL && out != NULL);

  w->out = out;
  w->depth = 0;
  w->empty[0] = TRUE;
}

static void
json_indent (CgJsonWriter *w)
{
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Separator, newline, indent and "key": before any value. */
static void
json_start_value (CgJsonWriter *w, const char *key)
{
  if (w->depth > 0)
    {
      g_string_append (w->out, w->empty[w->depth] ? "\n" : ",\n");
      w->empty[w->depth] = FALSE;
    }
  json_indent (w);
  if (key != NULL)
    {
      cg_json_append_string (w->out, key);
      g_string_append (w->out, ": ");
    }
}

static void
json_open (CgJsonWriter *w, const char *key, char bracket)
{
  g_return_if_fail (w->depth + 1 < G_N_ELEMENTS (w->empty));

  json_start_value (w, key);
  g_string_append_c (w->out, bracket);
  w->empty[++w->depth] = TRUE;
}

static void
json_close (CgJsonWriter *w, char bracket)
{
  g_return_if_fail (w->depth > 0);

  if (!w->empty[w->depth--])
    {
      g_string_append_c (w->out, '\n');
      json_indent (w);
    }
  g_string_append_c (w->out, bracket);
  if (w->depth == 0)
    g_string_append_c (w->out, '\n');
}

void
cg_json_begin_object (CgJsonWriter *w, const char *key)
{
  json_open (w, key, '{');
}

void
cg_json_end_object (CgJsonWriter *w)
{
  json_close (w, '}');
}

void
cg_json_begin_array (CgJsonWriter *w, const char *key)
{
  json_open (w, key, '[');
}

void
cg_json_end_array (CgJsonWriter *w)
{
  json_close (w, ']');
}

void
cg_json_member_string (CgJsonWriter *w, const char *key, const char *value)
{
  json_start_value (w, key);
  if (value == NULL)
    g_string_append (w->out, "null");
  else
    cg_json_append_string (w->out, value);
}

void
cg_json_member_number (CgJsonWriter *w, const char *key, double value, int decimals)
{
  json_start_value (w, key);
  cg_json_append_number (w->out, value, decimals);
}

void
cg_json_member_uint (CgJsonWriter *w, const char *key, guint value)
{
  json_start_value (w, key);
  g_string_append_printf (w->out, "%u", value);
}

void
cg_json_member_bool (CgJsonWriter *w, const char *key, gboolean value)
{
  json_start_value (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

void
cg_json_member_uint_array (CgJsonWriter *w, const char *key, const guint *values, gsize n)
{
  json_start_value (w, key);
  g_string_append_c (w->out, '[');
  for (gsize i = 0; i < n; i++)
    g_string_append_printf (w->out, i > 0 ? ", %u" : "%u", values[i]);
  g_string_append_c (w->out, ']');
}

gboolean
cg_cli_write_stdout (const GString *data, GError **error)
{
  g_return_val_if_fail (data != NULL, FALSE);

  if (fwrite (data->str, 1, data->len, stdout) != data->len || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write the output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
