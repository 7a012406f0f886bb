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
cg_format_number (double value,
                  int    decimals)
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
cg_csv_append_field (GString    *out,
                     const char *field)
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
cg_csv_append_row (GString           *out,
                   const char *const *fields,
                   gsize              n)
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

void
cg_json_writer_init (CgJsonWriter *w,
                     GString      *out)
{
  g_return_if_fail (w != NULL && out != NULL);

  w->out = out;
  w->builder = json_builder_new ();
}

/* The shortest text that reads back as exactly @value (as Python's repr),
 * keeping a decimal point so a double stays a double. */
static void
append_shortest_double (GString *out,
                        double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* json-glib 1.6 writes every double with 17 significant digits (0.855
 * comes out as 0.85499999999999998). Each number token outside strings that
 * is not an integer is written back in its shortest exact form: the values
 * do not change, a person can read them. */
static void
append_tidy_numbers (GString    *out,
                     const char *json)
{
  gboolean in_string = FALSE;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string && *p == '\\' && p[1] != '\0')
        {
          g_string_append_c (out, *p++);
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '"')
        in_string = !in_string;
      if (!in_string && (*p == '-' || g_ascii_isdigit (*p)))
        {
          gsize len = strspn (p, "-+.eE0123456789");

          if (memchr (p, '.', len) != NULL || memchr (p, 'e', len) != NULL ||
              memchr (p, 'E', len) != NULL)
            {
              g_autofree char *token = g_strndup (p, len);

              append_shortest_double (out, g_ascii_strtod (token, NULL));
            }
          else
            g_string_append_len (out, p, len);
          p += len - 1;
          continue;
        }
      g_string_append_c (out, *p);
    }
}

void
cg_json_append_node (GString  *out,
                     JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  g_return_if_fail (out != NULL && root != NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  append_tidy_numbers (out, text);
  g_string_append_c (out, '\n');
}

void
cg_json_writer_finish (CgJsonWriter *w)
{
  g_autoptr (JsonNode) root = json_builder_get_root (w->builder);

  cg_json_append_node (w->out, root);
  g_clear_object (&w->builder);
}

static void
json_key (CgJsonWriter *w,
          const char   *key)
{
  if (key != NULL)
    json_builder_set_member_name (w->builder, key);
}

void
cg_json_begin_object (CgJsonWriter *w,
                      const char   *key)
{
  json_key (w, key);
  json_builder_begin_object (w->builder);
}

void
cg_json_end_object (CgJsonWriter *w)
{
  json_builder_end_object (w->builder);
}

void
cg_json_begin_array (CgJsonWriter *w,
                     const char   *key)
{
  json_key (w, key);
  json_builder_begin_array (w->builder);
}

void
cg_json_end_array (CgJsonWriter *w)
{
  json_builder_end_array (w->builder);
}

void
cg_json_member_string (CgJsonWriter *w,
                       const char   *key,
                       const char   *value)
{
  json_key (w, key);
  if (value == NULL)
    json_builder_add_null_value (w->builder);
  else
    {
      /* Text in a session is valid UTF-8 already; anything else is
       * repaired rather than copied, so the output always parses. */
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (w->builder, valid);
    }
}

void
cg_json_member_number (CgJsonWriter *w,
                       const char   *key,
                       double        value,
                       int           decimals)
{
  g_autofree char *text = cg_format_number (value, decimals);
  double rounded;

  json_key (w, key);
  if (!isfinite (value))
    {
      json_builder_add_null_value (w->builder);
      return;
    }
  /* The same value the text reports show, to the last bit: rounded to
   * @decimals places through the same formatter. Whole numbers stay
   * integers ("4", not "4.0"). */
  rounded = g_ascii_strtod (text, NULL);
  if (rounded == floor (rounded) && fabs (rounded) < 1e15)
    json_builder_add_int_value (w->builder, (gint64) rounded);
  else
    json_builder_add_double_value (w->builder, rounded);
}

void
cg_json_member_uint (CgJsonWriter *w,
                     const char   *key,
                     guint         value)
{
  json_key (w, key);
  json_builder_add_int_value (w->builder, value);
}

void
cg_json_member_bool (CgJsonWriter *w,
                     const char   *key,
                     gboolean      value)
{
  json_key (w, key);
  json_builder_add_boolean_value (w->builder, value);
}

void
cg_json_member_uint_array (CgJsonWriter *w,
                           const char   *key,
                           const guint  *values,
                           gsize         n)
{
  json_key (w, key);
  json_builder_begin_array (w->builder);
  for (gsize i = 0; i < n; i++)
    json_builder_add_int_value (w->builder, values[i]);
  json_builder_end_array (w->builder);
}

gboolean
cg_cli_write_stdout (const GString *data,
                     GError       **error)
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
