/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV and JSON writers behind --report and --export-csv. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <math.h>

#include "cli/cg-cli-format.h"

static char *
csv_field (const char *text)
{
  GString *out = g_string_new (NULL);

  cg_csv_append_field (out, text);
  return g_string_free (out, FALSE);
}

/* A one-member document {"s": text} through the writer, read back by
 * json-glib's parser: the string member as it arrives in a reader. */
static char *
json_roundtrip (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  CgJsonWriter w;

  cg_json_writer_init (&w, out);
  cg_json_begin_object (&w, NULL);
  cg_json_member_string (&w, "s", text);
  cg_json_end_object (&w);
  cg_json_writer_finish (&w);
  assert_true (json_parser_load_from_data (parser, out->str, -1, NULL));
  return g_strdup (
    json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "s"));
}

static char *
json_number (double value,
             int    decimals)
{
  g_autoptr (GString) out = g_string_new (NULL);
  CgJsonWriter w;

  cg_json_writer_init (&w, out);
  cg_json_begin_array (&w, NULL);
  cg_json_member_number (&w, NULL, value, decimals);
  cg_json_end_array (&w);
  cg_json_writer_finish (&w);
  return g_strdup (out->str);
}

static void
test_csv_quotes_only_when_needed (void **state)
{
  g_autofree char *plain = csv_field ("Alex Smith (GP); 3 tasks");
  g_autofree char *comma = csv_field ("first, second");
  g_autofree char *quote = csv_field ("a \"lead\"");
  g_autofree char *lf = csv_field ("one\ntwo");
  g_autofree char *cr = csv_field ("one\rtwo");
  g_autofree char *empty = csv_field ("");

  assert_string_equal (plain, "Alex Smith (GP); 3 tasks");
  assert_string_equal (comma, "\"first, second\"");
  assert_string_equal (quote, "\"a \"\"lead\"\"\"");
  assert_string_equal (lf, "\"one\ntwo\"");
  assert_string_equal (cr, "\"one\rtwo\"");
  assert_string_equal (empty, "");
}

/* Cells a spreadsheet would run as formulas reach it as text, behind an
 * apostrophe (OWASP, "CSV Injection"); numbers stay numbers. */
static void
test_csv_defuses_formulas (void **state)
{
  g_autofree char *eq = csv_field ("=HYPERLINK(\"http://x.test\",\"Alex\")");
  g_autofree char *plus = csv_field ("+44 20 7946 0000");
  g_autofree char *minus = csv_field ("-2+3");
  g_autofree char *at = csv_field ("@SUM(A1:A9)");
  g_autofree char *tab = csv_field ("\t=1+1");
  g_autofree char *cr = csv_field ("\r=1+1");
  g_autofree char *negative = csv_field ("-0.25");
  g_autofree char *positive = csv_field ("+3");
  g_autofree char *dash = csv_field ("- waiting list first");
  g_autofree char *inside = csv_field ("a=b+c");
  g_autofree char *lone = csv_field ("-");

  assert_string_equal (eq, "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"Alex\"\")\"");
  assert_string_equal (plus, "\"'+44 20 7946 0000\"");
  assert_string_equal (minus, "\"'-2+3\"");
  assert_string_equal (at, "\"'@SUM(A1:A9)\"");
  assert_string_equal (tab, "\"'\t=1+1\"");
  assert_string_equal (cr, "\"'\r=1+1\"");
  assert_string_equal (negative, "-0.25");
  assert_string_equal (positive, "+3");
  assert_string_equal (dash, "\"'- waiting list first\"");
  assert_string_equal (inside, "a=b+c");
  assert_string_equal (lone, "\"'-\"");
}

static void
test_csv_row_ends_with_crlf (void **state)
{
  const char *fields[] = { "a", NULL, "b,c" };
  g_autoptr (GString) out = g_string_new (NULL);

  cg_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  assert_string_equal (out->str, "a,,\"b,c\"\r\n");
}

static void
test_json_escapes (void **state)
{
  const char *texts[] = { "say \"hi\" \\ back/slash", "tab\there\nnew\rcr\001\x1f\b\f",
                          "Zoë 🤝 שלום\xe2\x80\xa8", "" };
  g_autofree char *broken = json_roundtrip ("ok\xff"
                                            "end");
  g_autofree char *null_text = NULL;

  /* Whatever the text holds, a JSON reader gets it back unchanged. */
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *back = json_roundtrip (texts[i]);
      assert_string_equal (back, texts[i]);
    }
  /* Invalid UTF-8 is repaired, never copied. */
  assert_string_equal (broken, "ok\xef\xbf\xbd"
                               "end");
  {
    g_autoptr (GString) out = g_string_new (NULL);
    CgJsonWriter w;

    cg_json_writer_init (&w, out);
    cg_json_begin_object (&w, NULL);
    cg_json_member_string (&w, "none", NULL);
    cg_json_end_object (&w);
    cg_json_writer_finish (&w);
    null_text = g_strdup (out->str);
  }
  assert_non_null (strstr (null_text, "null"));
}

static void
test_numbers (void **state)
{
  g_autofree char *pi = cg_format_number (G_PI, 3);
  g_autofree char *whole = cg_format_number (4.0, 3);
  g_autofree char *half = cg_format_number (2.5, 3);
  g_autofree char *tiny_negative = cg_format_number (-0.0001, 3);
  g_autofree char *nan = cg_format_number (NAN, 3);
  g_autofree char *zero_places = cg_format_number (4.0, 0);
  g_autofree char *json_inf = json_number (INFINITY, 3);
  g_autofree char *json_nan = json_number (NAN, 3);
  g_autofree char *json_whole = json_number (4.0, 3);
  g_autofree char *json_frac = json_number (0.8073549, 3);
  g_autoptr (JsonParser) parser = json_parser_new ();

  assert_string_equal (pi, "3.142");
  assert_string_equal (whole, "4");
  assert_string_equal (half, "2.5");
  assert_string_equal (tiny_negative, "0");
  assert_string_equal (nan, "");
  assert_string_equal (zero_places, "4");
  assert_string_equal (json_inf, "[\n  null\n]\n");
  assert_string_equal (json_nan, "[\n  null\n]\n");
  /* Whole numbers stay integers; others are the double "0.807" names. */
  assert_string_equal (json_whole, "[\n  4\n]\n");
  assert_true (json_parser_load_from_data (parser, json_frac, -1, NULL));
  assert_true (json_array_get_double_element (json_node_get_array (json_parser_get_root (parser)),
                                              0) == 0.807);
}

static void
test_numbers_ignore_locale (void **state)
{
  /* A decimal comma would break both CSV and JSON. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    skip ();
  g_autofree char *n = cg_format_number (3.75, 3);
  setlocale (LC_NUMERIC, "C");
  assert_string_equal (n, "3.75");
}

static void
test_json_writer_layout (void **state)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const guint counts[] = { 1, 0, 2 };
  CgJsonWriter w;

  cg_json_writer_init (&w, out);
  cg_json_begin_object (&w, NULL);
  cg_json_member_string (&w, "id", "s2");
  cg_json_member_string (&w, "none", NULL);
  cg_json_begin_array (&w, "empty");
  cg_json_end_array (&w);
  cg_json_member_uint_array (&w, "counts", counts, 3);
  cg_json_begin_array (&w, "list");
  cg_json_member_bool (&w, NULL, TRUE);
  cg_json_member_number (&w, NULL, NAN, 3);
  cg_json_end_array (&w);
  cg_json_end_object (&w);
  cg_json_writer_finish (&w);
  /* json-glib's own layout: "key" : value, one array element a line. */
  assert_string_equal (out->str, "{\n"
                                 "  \"id\" : \"s2\",\n"
                                 "  \"none\" : null,\n"
                                 "  \"empty\" : [],\n"
                                 "  \"counts\" : [\n"
                                 "    1,\n"
                                 "    0,\n"
                                 "    2\n"
                                 "  ],\n"
                                 "  \"list\" : [\n"
                                 "    true,\n"
                                 "    null\n"
                                 "  ]\n"
                                 "}\n");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_csv_quotes_only_when_needed),
    cmocka_unit_test (test_csv_defuses_formulas),
    cmocka_unit_test (test_csv_row_ends_with_crlf),
    cmocka_unit_test (test_json_escapes),
    cmocka_unit_test (test_numbers),
    cmocka_unit_test (test_numbers_ignore_locale),
    cmocka_unit_test (test_json_writer_layout),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
