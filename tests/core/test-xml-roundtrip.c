/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving and loading give back the same session, and saving it again the
 * same bytes: for hundreds of random sessions full of awkward text, for
 * awkward text in the attributes a newer minor version adds, for the files
 * in tests/data/good and for the shipped templates. Every file written here
 * is validated against data/schema/session.rng with libxml2's RELAX NG. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#define N_RANDOM_SESSIONS 300

/* Pieces random text is made of: markup characters, things that look like
 * markup, line ends, scripts, and what must be cleaned on the way in. */
static const char *const pieces[] = {
  "word",
  "Social Services",
  " ",
  "  ",
  "R&D",
  "<team>",
  "&foo;",
  "&amp;",
  "]]>",
  "<![CDATA[x]]>",
  "\"quoted\"",
  "'single'",
  "\r\n",
  "\r",
  "\n",
  "\t",
  "🤝",
  "👩🏽‍⚕️",
  "שלום",
  "مرحبا",
  "\u200f",
  "日本語",
  "é",
  "\x01",
  "\x1f",
  "\x7f",
  "\xff",
  "\xc3",
  "\xef\xbf\xbe",
  "<!-- c -->",
  "<?pi?>",
  "%param;",
  "&#13;",
  "\u2028",
  "𝄞",
};

static char *
random_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 9);

  if (g_rand_int_range (rand, 0, 40) == 0)
    {
      /* Very long text, one in forty. */
      for (int i = 0; i < 2000; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      return g_string_free (text, FALSE);
    }
  for (int i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

static gboolean
coin (GRand *rand)
{
  return g_rand_boolean (rand);
}

static void
set_random_texts (CgSession *s,
                  GRand     *rand)
{
  for (guint d = 0; d < CG_N_DETAILS; d++)
    {
      g_autofree char *t = random_text (rand);
      cg_session_set_detail (s, (CgDetail) d, t);
    }
  for (guint c = 0; c < CG_N_CHARTER_FIELDS; c++)
    if (coin (rand))
      {
        g_autofree char *t = random_text (rand);
        cg_session_set_charter_field (s, (CgCharterField) c, t);
      }
}

static char **
random_strv (GRand *rand,
             int    max)
{
  int n = g_rand_int_range (rand, 0, max + 1);
  char **strv = g_new0 (char *, n + 1);

  for (int i = 0; i < n; i++)
    strv[i] = random_text (rand);
  return strv;
}

static void
add_random_entities (CgSession *s,
                     GRand     *rand)
{
  guint n_partners = g_rand_int_range (rand, 0, 7);

  for (guint i = 0; i < n_partners; i++)
    {
      g_autofree char *name = random_text (rand);
      g_autofree char *org = random_text (rand);
      g_autofree char *role = random_text (rand);
      guint id = cg_session_add_partner (s, name, org, role);

      if (coin (rand))
        cg_session_set_partner_field (s, id, CG_PARTNER_COLOUR,
                                      coin (rand) ? "#A1b2C3" : "#000000");
      if (coin (rand))
        {
          g_autofree char *group = random_text (rand);

          cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, group);
        }
    }
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      g_autofree char *intro = random_text (rand);
      g_auto (GStrv) prompts = random_strv (rand, 3);

      cg_session_set_lesson_intro (s, l, intro);
      cg_session_set_lesson_prompts (s, l, (const char *const *) prompts);
      for (int i = g_rand_int_range (rand, 0, 5); i > 0; i--)
        {
          g_autofree char *t = random_text (rand);
          cg_session_add_statement (s, l, t);
        }
    }
  for (int i = g_rand_int_range (rand, 0, 6); i > 0; i--)
    {
      g_autofree char *t = random_text (rand);
      guint id = cg_session_add_aim (s, t);

      cg_session_set_aim_agreed (s, id, coin (rand));
    }
  for (int i = g_rand_int_range (rand, 0, 5); i > 0; i--)
    {
      g_autofree char *t = random_text (rand);
      cg_session_add_task (s, t);
    }
}

static guint
random_partner (CgSession *s,
                GRand     *rand,
                gboolean   allow_none)
{
  guint n = cg_session_get_n_partners (s);

  if (n == 0 || (allow_none && coin (rand)))
    return 0;
  return cg_session_get_partner (s, g_rand_int_range (rand, 0, n))->id;
}

static void
rate_items (CgSession *s,
            GRand     *rand,
            guint      partner,
            guint      lesson_or_aims)
{
  guint n = lesson_or_aims < CG_N_LESSONS ? cg_session_get_n_statements (s, lesson_or_aims)
                                          : cg_session_get_n_aims (s);

  for (guint i = 0; i < n; i++)
    {
      const CgItem *item = lesson_or_aims < CG_N_LESSONS
                             ? cg_session_get_statement (s, lesson_or_aims, i)
                             : cg_session_get_aim (s, i);

      cg_session_set_rating (s, partner, item->id, (CgRating) g_rand_int_range (rand, 0, 7));
    }
}

static void
add_random_answers (CgSession *s,
                    GRand     *rand)
{
  for (guint p = 0; p < cg_session_get_n_partners (s); p++)
    {
      guint partner = cg_session_get_partner (s, p)->id;

      for (guint l = 0; l <= CG_N_LESSONS; l++)
        rate_items (s, rand, partner, l);
      for (guint l = 0; l < CG_N_LESSONS; l++)
        {
          g_autofree char *t = random_text (rand);
          cg_session_set_comment (s, partner, l, t);
        }
      for (guint t = 0; t < cg_session_get_n_tasks (s); t++)
        {
          guint task = cg_session_get_task (s, t)->id;

          cg_session_set_involvement (s, partner, task,
                                      (CgInvolvement) g_rand_int_range (rand, 0, 6));
          cg_session_set_believed_accountable (s, partner, task, random_partner (s, rand, TRUE));
        }
    }
  for (guint t = 0; t < cg_session_get_n_tasks (s); t++)
    cg_session_set_task_charter_accountable (s, cg_session_get_task (s, t)->id,
                                             random_partner (s, rand, TRUE));
}

/* Removals and moves leave gaps in the ids and lists out of id order. */
static void
shuffle_and_remove (CgSession *s,
                    GRand     *rand)
{
  if (cg_session_get_n_partners (s) > 2 && coin (rand))
    cg_session_remove_partner (s, cg_session_get_partner (s, 1)->id);
  if (cg_session_get_n_partners (s) > 1 && coin (rand))
    cg_session_move_partner (s, cg_session_get_partner (s, 0)->id,
                             cg_session_get_n_partners (s) - 1);
  if (cg_session_get_n_aims (s) > 1 && coin (rand))
    cg_session_remove_item (s, cg_session_get_aim (s, 0)->id);
  if (cg_session_get_n_statements (s, 0) > 1 && coin (rand))
    cg_session_move_item (s, cg_session_get_statement (s, 0, 0)->id, 1);
  if (cg_session_get_n_tasks (s) > 1 && coin (rand))
    cg_session_move_task (s, cg_session_get_task (s, 0)->id, cg_session_get_n_tasks (s) - 1);
}

static CgSession *
random_session (guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  CgSession *s = cg_session_new ();
  g_auto (GStrv) roles = NULL;

  set_random_texts (s, rand);
  cg_session_set_answers_hidden (s, coin (rand));
  for (guint st = 0; st < CG_N_STAGES; st++)
    cg_session_set_revealed (s, (CgStage) st, g_rand_int_range (rand, 0, 4) == 0);
  cg_session_set_current_stage (s, (CgStage) g_rand_int_range (rand, 0, CG_N_STAGES));
  roles = random_strv (rand, 4);
  cg_session_set_role_suggestions (s, (const char *const *) roles);
  add_random_entities (s, rand);
  add_random_answers (s, rand);
  shuffle_and_remove (s, rand);
  return s;
}

static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("CG_SOURCE_ROOT"), relative, NULL);
}

/* The published schema, read from the source tree and compiled here with
 * libxml2's RELAX NG: an independent check that what we write follows what
 * we publish. (The loader validates with its own copy, and leaves the
 * answers to hand-written checks for speed; this checks the whole file.) */
static xmlRelaxNGPtr
load_published_schema (void)
{
  g_autofree char *path = source_path ("data/schema/session.rng");
  xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr schema;

  assert_non_null (pctxt);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    fail_msg ("%s does not compile", path);
  return schema;
}

static void
count_schema_error (void       *data,
                    xmlErrorPtr error)
{
  (*(guint *) data)++;
}

/* TRUE when the XML in @data parses and follows @schema. */
static gboolean
schema_accepts (xmlRelaxNGPtr schema,
                const char   *data,
                gsize         size)
{
  xmlDocPtr doc = xmlReadMemory (data, (int) size, "written.commonground", NULL, XML_PARSE_NONET);
  xmlRelaxNGValidCtxtPtr vctxt;
  guint n_errors = 0;
  int result;

  if (doc == NULL)
    return FALSE;
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, count_schema_error, &n_errors);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  return result == 0 && n_errors == 0;
}

static xmlRelaxNGPtr published_schema;

static int
compile_schema (void **state)
{
  published_schema = load_published_schema ();
  return 0;
}

static int
free_schema (void **state)
{
  g_clear_pointer (&published_schema, xmlRelaxNGFree);
  return 0;
}

static void
assert_follows_schema (GBytes     *bytes,
                       const char *what)
{
  if (!schema_accepts (published_schema, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
    fail_msg ("%s: the written file does not follow data/schema/session.rng", what);
}

static void
test_random_round_trip (void **state)
{
  xmlRelaxNGPtr schema = published_schema;
  /* The check itself can fail: a session needs its five lessons, and a
   * rating its value (the loader checks answers by hand, not the schema). */
  static const char no_lessons[] = "<session xmlns=\"https://commonground.github.io/ns/session\" "
                                   "format-version=\"1.0\" next-id=\"1\"><lessons/></session>";
  static const char rating_with_value[] =
    "<session xmlns=\"https://commonground.github.io/ns/session\" format-version=\"1.0\" next-id=\"3\">"
    "<partners><partner id=\"p1\" colour=\"#000000\"><name>A</name></partner></partners>"
    "<lessons><lesson number=\"1\"><statement id=\"s2\">S</statement></lesson><lesson number=\"2\"/>"
    "<lesson number=\"3\"/><lesson number=\"4\"/><lesson number=\"5\"/></lessons>"
    "<answers><rating partner=\"p1\" item=\"s2\" value=\"5\"/></answers></session>";
  g_auto (GStrv) halves = g_strsplit (rating_with_value, " value=\"5\"", 2);
  g_autofree char *rating_without_value = g_strjoinv ("", halves);
  guint n_validated = 0;

  assert_true (schema_accepts (schema, rating_with_value, strlen (rating_with_value)));
  assert_false (schema_accepts (schema, rating_without_value, strlen (rating_without_value)));
  assert_false (schema_accepts (schema, no_lessons, strlen (no_lessons)));

  for (guint32 seed = 1; seed <= N_RANDOM_SESSIONS; seed++)
    {
      g_autoptr (CgSession) original = random_session (seed);
      g_autoptr (CgSession) loaded = NULL;
      g_autoptr (GBytes) first = NULL, second = NULL;
      g_autoptr (GError) error = NULL;

      first = cg_session_xml_save_bytes (original, &error);
      assert_non_null (first);
      /* Every written file follows the published schema. */
      if (!schema_accepts (schema, g_bytes_get_data (first, NULL), g_bytes_get_size (first)))
        fail_msg ("seed %u: the written file does not follow data/schema/session.rng", seed);
      n_validated++;
      loaded = cg_session_xml_load_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                         "random.commonground", &error);
      if (loaded == NULL)
        fail_msg ("seed %u: %s", seed, error->message);
      if (!cg_session_equal (original, loaded))
        fail_msg ("seed %u: the loaded session differs", seed);
      assert_false (cg_session_get_modified (loaded));
      assert_false (cg_session_can_undo (loaded));
      second = cg_session_xml_save_bytes (loaded, &error);
      if (!g_bytes_equal (first, second))
        fail_msg ("seed %u: saving the loaded session gave other bytes", seed);
    }
  assert_int_equal (n_validated, 300);
}

/* Saves @s, loads the bytes and returns the loaded session. */
static CgSession *
save_and_load (CgSession *s,
               GBytes   **bytes_out)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = cg_session_xml_save_bytes (s, &error);
  CgSession *loaded;

  assert_non_null (bytes);
  assert_follows_schema (bytes, "save_and_load");
  loaded = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "t.commonground", &error);
  if (loaded == NULL)
    fail_msg ("%s", error->message);
  if (bytes_out != NULL)
    *bytes_out = bytes;
  else
    g_bytes_unref (bytes);
  return loaded;
}

static void
test_awkward_text_exact (void **state)
{
  const char *text =
    "R&D <team> ]]> &foo; &amp; \"q\" 'a' cr\r\nlf\nlone\rtab\t 🤝 שלום ‏مرحبا  ";
  g_autoptr (CgSession) s = cg_session_new ();
  g_autoptr (CgSession) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  guint p, item, task;

  cg_session_set_detail (s, CG_DETAIL_TITLE, text);
  p = cg_session_add_partner (s, text, "", text);
  item = cg_session_add_statement (s, 2, text);
  task = cg_session_add_task (s, text);
  cg_session_set_comment (s, p, 4, text);
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, text);
  cg_session_set_charter_field (s, CG_CHARTER_MEASURES, "");
  loaded = save_and_load (s, &bytes);

  assert_string_equal (cg_session_get_detail (loaded, CG_DETAIL_TITLE), text);
  assert_string_equal (cg_session_lookup_partner (loaded, p)->name, text);
  assert_string_equal (cg_session_lookup_partner (loaded, p)->organisation, "");
  assert_string_equal (cg_session_lookup_partner (loaded, p)->role, text);
  assert_string_equal (cg_session_lookup_item (loaded, item)->text, text);
  assert_string_equal (cg_session_lookup_task (loaded, task)->text, text);
  assert_string_equal (cg_session_get_comment (loaded, p, 4), text);
  assert_string_equal (cg_session_get_charter_field (loaded, CG_CHARTER_PURPOSE), text);
  /* Empty but written is not the same as not written. */
  assert_string_equal (cg_session_get_charter_field (loaded, CG_CHARTER_MEASURES), "");
  assert_null (cg_session_get_charter_field (loaded, CG_CHARTER_TITLE));
  /* The markup characters are escaped, and CR survives as a reference. */
  g_autofree char *xml = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_non_null (strstr (xml, "R&amp;D &lt;team&gt; ]]&gt; &amp;foo; &amp;amp;"));
  assert_non_null (strstr (xml, "cr&#13;\nlf"));
  assert_non_null (strstr (xml, "<measures/>"));
}

static void
test_control_characters_cleaned (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  g_autoptr (CgSession) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;

  cg_session_set_detail (s, CG_DETAIL_TITLE,
                         "a\001b\x1f"
                         "c\xff"
                         "d\xef\xbf\xbf"
                         "e");
  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "\001\002");
  loaded = save_and_load (s, &bytes);
  assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  assert_non_null (strstr (cg_session_get_detail (loaded, CG_DETAIL_TITLE), "ab"));
  assert_non_null (strstr (cg_session_get_detail (loaded, CG_DETAIL_TITLE), "c"));
  assert_null (strchr (cg_session_get_detail (loaded, CG_DETAIL_TITLE), '\001'));
  assert_string_equal (cg_session_get_detail (loaded, CG_DETAIL_FACILITATOR), "");
  assert_true (cg_session_equal (s, loaded));
}

static GBytes *
read_source_file (const char *relative)
{
  g_autofree char *path = source_path (relative);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    fail_msg ("%s", error->message);
  return g_bytes_new_take (data, length);
}

static void
test_good_file_values_and_bytes (void **state)
{
  g_autoptr (GBytes) file = read_source_file ("tests/data/good/full.commonground");
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) s = cg_session_xml_load_data (
    g_bytes_get_data (file, NULL), g_bytes_get_size (file), "full.commonground", &error);

  assert_non_null (s);
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE),
                       "Riverside family support partnership");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_CONTEXT),
                       "Multi-line case text.\nSecond line with R&D and <brackets>.");
  assert_true (cg_session_get_answers_hidden (s));
  assert_true (cg_session_get_revealed (s, CG_STAGE_LESSON_1));
  assert_false (cg_session_get_revealed (s, CG_STAGE_LESSON_2));
  assert_int_equal (cg_session_get_current_stage (s), CG_STAGE_LESSON_1);
  assert_int_equal (cg_session_get_n_partners (s), 2);
  assert_string_equal (cg_session_lookup_partner (s, 3)->colour, "#E69F00");
  assert_string_equal (cg_session_lookup_partner (s, 3)->organisation, "");
  /* <group> (format 1.1): read, and empty when absent. */
  assert_string_equal (cg_session_lookup_partner (s, 1)->group, "Social care");
  assert_string_equal (cg_session_lookup_partner (s, 3)->group, "");
  assert_int_equal (cg_session_get_n_statements (s, 0), 2);
  assert_int_equal (cg_session_get_n_statements (s, 2), 1);
  assert_int_equal (cg_session_get_rating (s, 1, 2), CG_RATING_4);
  assert_int_equal (cg_session_get_rating (s, 1, 7), CG_RATING_DONT_KNOW);
  assert_int_equal (cg_session_get_rating (s, 3, 2), CG_RATING_1);
  assert_int_equal (cg_session_get_rating (s, 3, 4), CG_RATING_NONE);
  assert_true (cg_session_lookup_item (s, 7)->agreed);
  assert_false (cg_session_lookup_item (s, 8)->agreed);
  assert_int_equal (cg_session_lookup_task (s, 9)->charter_accountable, 1);
  assert_int_equal (cg_session_get_involvement (s, 1, 9), CG_INVOLVEMENT_ACCOUNTABLE);
  assert_int_equal (cg_session_get_involvement (s, 3, 9), CG_INVOLVEMENT_NONE);
  assert_int_equal (cg_session_get_involvement (s, 3, 10), CG_INVOLVEMENT_UNSET);
  assert_int_equal (cg_session_get_believed_accountable (s, 3, 10), 1);
  assert_string_equal (cg_session_get_comment (s, 1, 0), "Free text.");
  assert_string_equal (cg_session_get_charter_field (s, CG_CHARTER_GROUND_RULES), "");
  assert_null (cg_session_get_charter_field (s, CG_CHARTER_TITLE));
  assert_string_equal (cg_session_get_charter_field (s, CG_CHARTER_WORK_ON),
                       "Agree dated milestones.");
  /* Ids go on from next-id, never below it. */
  assert_int_equal (cg_session_get_next_id (s), 23);
  /* The file is in the canonical form: saving gives it back byte for byte. */
  saved = cg_session_xml_save_bytes (s, &error);
  assert_true (g_bytes_equal (saved, file));
  assert_false (cg_session_xml_get_newer_minor (s));
  assert_int_equal (cg_session_add_aim (s, "new"), 23);
}

static void
test_templates_load (void **state)
{
  const char *const names[] = { "standard", "family-complex-needs", "mental-health-employment",
                                "safeguarding-information" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_strdup_printf ("data/templates/%s.commonground", names[i]);
      g_autoptr (GBytes) file = read_source_file (rel);
      g_autoptr (GError) error = NULL;
      g_autoptr (CgSession) s = cg_session_xml_load_data (g_bytes_get_data (file, NULL),
                                                          g_bytes_get_size (file), rel, &error);
      g_autoptr (GBytes) saved = NULL;

      if (s == NULL)
        fail_msg ("%s", error->message);
      assert_true (cg_session_get_n_statements (s, 0) > 0);
      assert_true (cg_session_get_n_tasks (s) > 0);
      /* The template element is read by the New dialog, not kept. */
      saved = cg_session_xml_save_bytes (s, NULL);
      assert_follows_schema (saved, rel);
      assert_null (
        g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "<template"));
    }
}

static gboolean
contains (GBytes     *bytes,
          const char *needle)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), needle) != NULL;
}

static void
test_newer_minor_keeps_foreign (void **state)
{
  g_autoptr (GBytes) file = read_source_file ("tests/data/good/newer-minor.commonground");
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) s = cg_session_xml_load_data (
    g_bytes_get_data (file, NULL), g_bytes_get_size (file), "newer.commonground", &error);
  g_autoptr (CgSession) again = NULL;
  g_autoptr (GBytes) saved = NULL, saved_again = NULL;
  const char *const kept[] = {
    "fut:mood=\"calm\"",
    "<title fut:lang-hint=\"en\">Future session</title>",
    "<fut:weather xmlns:fut=\"https://example.org/ns/future\">rain</fut:weather>",
    "fut:badge=\"gold\"",
    "they/them</fut:pronouns>",
    "<prompt fut:timer=\"5\">Talk about it.</prompt>",
    "fut:weight=\"2\"",
    "value=\"5\" fut:confidence=\"high\"",
    "partner=\"p1\">yes</fut:vote>",
    "capacity=\"30\">Town hall, <fut:room>Room 2</fut:room></fut:venue>",
    "<other:note>kept as it is</other:note>",
  };

  assert_non_null (s);
  assert_true (cg_session_xml_get_newer_minor (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "Future session");
  assert_int_equal (cg_session_get_rating (s, 1, 2), CG_RATING_5);
  saved = cg_session_xml_save_bytes (s, &error);
  assert_follows_schema (saved, "newer-minor.commonground");
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (!contains (saved, kept[i]))
      fail_msg ("lost on saving: %s", kept[i]);
  /* Foreign content sits in the right container. */
  assert_true (
    contains (saved, "<rating partner=\"p1\" item=\"s2\" value=\"5\" fut:confidence=\"high\"/>\n"
                     "    <fut:vote"));
  again = cg_session_xml_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                    "again.commonground", &error);
  assert_non_null (again);
  assert_false (cg_session_xml_get_newer_minor (again));
  saved_again = cg_session_xml_save_bytes (again, &error);
  assert_true (g_bytes_equal (saved, saved_again));
  /* A partner's extra content goes with it. */
  cg_session_remove_partner (again, 1);
  g_clear_pointer (&saved_again, g_bytes_unref);
  saved_again = cg_session_xml_save_bytes (again, &error);
  assert_false (contains (saved_again, "fut:badge"));
  assert_true (contains (saved_again, "fut:mood=\"calm\""));
}

/* The only attributes that carry free text are those a newer minor version
 * adds in its own namespace (ours hold ids, numbers and colours, held to
 * patterns by the schema), and the attributes of foreign elements. Their
 * values must come back exactly: a line end or tab written raw into an
 * attribute comes back as a space (attribute value normalisation), and an
 * unescaped quote or ampersand breaks the file. The file below writes the
 * awkward value A as references; each "V" is replaced by it. */
#define AWKWARD_IN_FILE                                                                            \
  "R&amp;D &lt;team&gt; ]]&gt; &amp;foo; &amp;amp; &quot;q&quot; &apos;a&apos; "                   \
  "crlf&#13;&#10;lf&#10;cr&#13;tab&#9;end 🤝 שלום &#x200F;مرحبا  "
#define AWKWARD                                                                                    \
  "R&D <team> ]]> &foo; &amp; \"q\" 'a' crlf\r\nlf\ncr\rtab\tend 🤝 שלום \u200fمرحبا  "

static const char awkward_attributes_file[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<session xmlns=\"https://commonground.github.io/ns/session\" xmlns:fut=\"https://example.org/ns/future\""
  " format-version=\"1.3\" next-id=\"6\" fut:note=\"V\">\n"
  "  <fut:venue label=\"V\" fut:where=\"V\">V</fut:venue>\n"
  "  <details>\n"
  "    <title fut:hint=\"V\">Attributes</title>\n"
  "  </details>\n"
  "  <partners>\n"
  "    <partner id=\"p1\" colour=\"#009e73\" fut:badge=\"V\">\n"
  "      <name>Alex</name>\n"
  "    </partner>\n"
  "  </partners>\n"
  "  <lessons>\n"
  "    <lesson number=\"1\" fut:theme=\"V\">\n"
  "      <statement id=\"s2\" fut:weight=\"V\">We share a purpose.</statement>\n"
  "    </lesson>\n"
  "    <lesson number=\"2\"/>\n"
  "    <lesson number=\"3\"/>\n"
  "    <lesson number=\"4\"/>\n"
  "    <lesson number=\"5\"/>\n"
  "  </lessons>\n"
  "  <aims>\n"
  "    <aim id=\"a3\" agreed=\"true\" fut:source=\"V\">Children attend school.</aim>\n"
  "  </aims>\n"
  "  <tasks>\n"
  "    <task id=\"t4\" fut:due=\"V\">Chair the meeting</task>\n"
  "  </tasks>\n"
  "  <answers>\n"
  "    <rating partner=\"p1\" item=\"s2\" value=\"5\" fut:why=\"V\"/>\n"
  "    <comment partner=\"p1\" lesson=\"1\" fut:tone=\"V\">Said aloud.</comment>\n"
  "    <role partner=\"p1\" task=\"t4\" involvement=\"A\" fut:since=\"V\"/>\n"
  "  </answers>\n"
  "</session>\n";

/* Where each V sits: the element's path from the root (local names), then
 * the attribute and its namespace (NULL for none). */
static const struct
{
  const char *path, *attr, *ns;
} awkward_places[] = {
  { "", "note", "https://example.org/ns/future" },
  { "venue", "label", NULL },
  { "venue", "where", "https://example.org/ns/future" },
  { "details/title", "hint", "https://example.org/ns/future" },
  { "partners/partner", "badge", "https://example.org/ns/future" },
  { "lessons/lesson", "theme", "https://example.org/ns/future" },
  { "lessons/lesson/statement", "weight", "https://example.org/ns/future" },
  { "aims/aim", "source", "https://example.org/ns/future" },
  { "tasks/task", "due", "https://example.org/ns/future" },
  { "answers/rating", "why", "https://example.org/ns/future" },
  { "answers/comment", "tone", "https://example.org/ns/future" },
  { "answers/role", "since", "https://example.org/ns/future" },
};

static xmlNode *
first_child_named (xmlNode    *parent,
                   const char *name)
{
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return c;
  return NULL;
}

/* Parses @bytes with plain libxml2 and checks every V holds A exactly. */
static void
assert_awkward_attributes (GBytes *bytes)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                                 "saved.commonground", NULL, XML_PARSE_NONET);
  xmlNode *venue;

  assert_non_null (doc);
  for (guint i = 0; i < G_N_ELEMENTS (awkward_places); i++)
    {
      g_auto (GStrv) steps = g_strsplit (awkward_places[i].path, "/", -1);
      xmlNode *node = xmlDocGetRootElement (doc);
      xmlChar *value;

      for (guint k = 0; node != NULL && steps[k] != NULL && steps[k][0] != '\0'; k++)
        node = first_child_named (node, steps[k]);
      if (node == NULL)
        fail_msg ("no element %s in the saved file", awkward_places[i].path);
      value = awkward_places[i].ns != NULL
                ? xmlGetNsProp (node, (const xmlChar *) awkward_places[i].attr,
                                (const xmlChar *) awkward_places[i].ns)
                : xmlGetNoNsProp (node, (const xmlChar *) awkward_places[i].attr);
      if (value == NULL || strcmp ((const char *) value, AWKWARD) != 0)
        fail_msg ("%s/@%s came back as “%s”", awkward_places[i].path, awkward_places[i].attr,
                  value != NULL ? (const char *) value : "(missing)");
      xmlFree (value);
    }
  /* The foreign element's text too. */
  venue = first_child_named (xmlDocGetRootElement (doc), "venue");
  {
    xmlChar *text = xmlNodeGetContent (venue);

    assert_string_equal ((const char *) text, AWKWARD);
    xmlFree (text);
  }
  xmlFreeDoc (doc);
}

static void
test_awkward_attributes_exact (void **state)
{
  g_autofree char *file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) s = NULL, again = NULL;
  g_autoptr (GBytes) source = NULL, saved = NULL, saved_again = NULL;
  g_auto (GStrv) parts = g_strsplit (awkward_attributes_file, "\"V\"", -1);
  g_auto (GStrv) texts = NULL;
  g_autofree char *quoted = g_strjoinv ("\"" AWKWARD_IN_FILE "\"", parts);

  /* ">V<" is the foreign element's text. */
  texts = g_strsplit (quoted, ">V<", -1);
  file = g_strjoinv (">" AWKWARD_IN_FILE "<", texts);
  assert_null (strstr (file, "\"V\""));
  source = g_bytes_new (file, strlen (file));
  /* The file as written by hand says what it means. */
  assert_awkward_attributes (source);

  s = cg_session_xml_load_data (file, strlen (file), "attributes.commonground", &error);
  if (s == NULL)
    fail_msg ("%s", error->message);
  assert_true (cg_session_xml_get_newer_minor (s));
  assert_int_equal (cg_session_get_rating (s, 1, 2), CG_RATING_5);
  assert_string_equal (cg_session_get_comment (s, 1, 0), "Said aloud.");
  saved = cg_session_xml_save_bytes (s, &error);
  assert_non_null (saved);
  assert_follows_schema (saved, "attributes.commonground");
  assert_awkward_attributes (saved);
  /* Line ends and tabs go out as references, never raw in an attribute. */
  assert_true (
    contains (saved, "fut:note=\"R&amp;D &lt;team&gt; ]]&gt; &amp;foo; &amp;amp; &quot;q&quot; 'a' "
                     "crlf&#13;&#10;lf&#10;cr&#13;tab&#9;end 🤝 שלום \u200fمرحبا  \""));

  again = cg_session_xml_load_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                    "again.commonground", &error);
  if (again == NULL)
    fail_msg ("%s", error->message);
  assert_true (cg_session_equal (s, again));
  saved_again = cg_session_xml_save_bytes (again, &error);
  assert_true (g_bytes_equal (saved, saved_again));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_random_round_trip),
    cmocka_unit_test (test_awkward_text_exact),
    cmocka_unit_test (test_control_characters_cleaned),
    cmocka_unit_test (test_good_file_values_and_bytes),
    cmocka_unit_test (test_templates_load),
    cmocka_unit_test (test_newer_minor_keeps_foreign),
    cmocka_unit_test (test_awkward_attributes_exact),
  };

  return cmocka_run_group_tests (tests, compile_schema, free_schema);
}
