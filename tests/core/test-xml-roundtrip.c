/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving and loading give back the same session, and saving it again the
 * same bytes: for hundreds of random sessions full of awkward text, for
 * the files in tests/data/good and for the shipped templates. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-session-xml.h"

#define N_RANDOM_SESSIONS 300

/* Pieces random text is made of: markup characters, things that look like
 * markup, line ends, scripts, and what must be cleaned on the way in. */
static const char *const pieces[] = {
  "word", "Social Services", " ", "  ", "R&D", "<team>", "&foo;", "&amp;", "]]>", "<![CDATA[x]]>",
  "\"quoted\"", "'single'", "\r\n", "\r", "\n", "\t", "🤝", "👩🏽‍⚕️", "שלום", "مرحبا", "\u200f",
  "日本語", "é", "\x01", "\x1f", "\x7f", "\xff", "\xc3", "\xef\xbf\xbe", "<!-- c -->", "<?pi?>",
  "%param;", "&#13;", "\u2028", "𝄞",
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
set_random_texts (CgSession *s, GRand *rand)
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
random_strv (GRand *rand, int max)
{
  int n = g_rand_int_range (rand, 0, max + 1);
  char **strv = g_new0 (char *, n + 1);

  for (int i = 0; i < n; i++)
    strv[i] = random_text (rand);
  return strv;
}

static void
add_random_entities (CgSession *s, GRand *rand)
{
  guint n_partners = g_rand_int_range (rand, 0, 7);

  for (guint i = 0; i < n_partners; i++)
    {
      g_autofree char *name = random_text (rand);
      g_autofree char *org = random_text (rand);
      g_autofree char *role = random_text (rand);
      guint id = cg_session_add_partner (s, name, org, role);

      if (coin (rand))
        cg_session_set_partner_field (s, id, CG_PARTNER_COLOUR, coin (rand) ? "#A1b2C3" : "#000000");
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
random_partner (CgSession *s, GRand *rand, gboolean allow_none)
{
  guint n = cg_session_get_n_partners (s);

  if (n == 0 || (allow_none && coin (rand)))
    return 0;
  return cg_session_get_partner (s, g_rand_int_range (rand, 0, n))->id;
}

static void
rate_items (CgSession *s, GRand *rand, guint partner, guint lesson_or_aims)
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
add_random_answers (CgSession *s, GRand *rand)
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

          cg_session_set_involvement (s, partner, task, (CgInvolvement) g_rand_int_range (rand, 0, 6));
          cg_session_set_believed_accountable (s, partner, task, random_partner (s, rand, TRUE));
        }
    }
  for (guint t = 0; t < cg_session_get_n_tasks (s); t++)
    cg_session_set_task_charter_accountable (s, cg_session_get_task (s, t)->id,
                                             random_partner (s, rand, TRUE));
}

/* Removals and moves leave gaps in the ids and lists out of id order. */
static void
shuffle_and_remove (CgSession *s, GRand *rand)
{
  if (cg_session_get_n_partners (s) > 2 && coin (rand))
    cg_session_remove_partner (s, cg_session_get_partner (s, 1)->id);
  if (cg_session_get_n_partners (s) > 1 && coin (rand))
    cg_session_move_partner (s, cg_session_get_partner (s, 0)->id, cg_session_get_n_partners (s) - 1);
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

/* Runs xmllint on @paths against the schema in the source tree: an
 * independent check that what we write follows what we publish. */
static gboolean
xmllint_accepts (GPtrArray *paths)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = source_path ("data/schema/session.rng");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (xmllint == NULL)
    {
      print_message ("xmllint not found: schema check skipped\n");
      return TRUE;
    }
  g_ptr_array_add (argv, xmllint);
  g_ptr_array_add (argv, (char *) "--noout");
  g_ptr_array_add (argv, (char *) "--relaxng");
  g_ptr_array_add (argv, schema);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);
  assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                             G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                             NULL, NULL, NULL, NULL, &status, &error));
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
have_xmllint (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");

  return xmllint != NULL;
}

static void
test_random_round_trip (void **state)
{
  g_autofree char *dir = g_dir_make_tmp ("cg-xml-XXXXXX", NULL);
  g_autoptr (GPtrArray) samples = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bad = g_build_filename (dir, "not-valid.commonground", NULL);
  g_autoptr (GPtrArray) bad_only = g_ptr_array_new ();

  for (guint32 seed = 1; seed <= N_RANDOM_SESSIONS; seed++)
    {
      g_autoptr (CgSession) original = random_session (seed);
      g_autoptr (CgSession) loaded = NULL;
      g_autoptr (GBytes) first = NULL, second = NULL;
      g_autoptr (GError) error = NULL;

      first = cg_session_xml_save_bytes (original, &error);
      assert_non_null (first);
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
      if (seed % 10 == 0)
        {
          char *path = g_strdup_printf ("%s/sample-%u.commonground", dir, seed);

          assert_true (g_file_set_contents (path, g_bytes_get_data (first, NULL),
                                            g_bytes_get_size (first), NULL));
          g_ptr_array_add (samples, path);
        }
    }
  assert_true (xmllint_accepts (samples));
  /* The check itself can fail: a session needs its five lessons. */
  assert_true (g_file_set_contents (bad, "<session xmlns=\"https://commonground.github.io/ns/session\" "
                                    "format-version=\"1.0\" next-id=\"1\"><lessons/></session>", -1, NULL));
  g_ptr_array_add (bad_only, bad);
  if (have_xmllint ())
    assert_false (xmllint_accepts (bad_only));
  for (guint i = 0; i < samples->len; i++)
    g_unlink (g_ptr_array_index (samples, i));
  g_unlink (bad);
  g_rmdir (dir);
}

/* Saves @s, loads the bytes and returns the loaded session. */
static CgSession *
save_and_load (CgSession *s, GBytes **bytes_out)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = cg_session_xml_save_bytes (s, &error);
  CgSession *loaded;

  assert_non_null (bytes);
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
  const char *text = "R&D <team> ]]> &foo; &amp; \"q\" 'a' cr\r\nlf\nlone\rtab\t 🤝 שלום ‏مرحبا  ";
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

  cg_session_set_detail (s, CG_DETAIL_TITLE, "a\001b\x1f" "c\xff" "d\xef\xbf\xbf" "e");
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
  g_autoptr (CgSession) s = cg_session_xml_load_data (g_bytes_get_data (file, NULL),
                                                      g_bytes_get_size (file), "full.commonground", &error);

  assert_non_null (s);
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "Riverside family support partnership");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_CONTEXT),
                       "Multi-line case text.\nSecond line with R&D and <brackets>.");
  assert_true (cg_session_get_answers_hidden (s));
  assert_true (cg_session_get_revealed (s, CG_STAGE_LESSON_1));
  assert_false (cg_session_get_revealed (s, CG_STAGE_LESSON_2));
  assert_int_equal (cg_session_get_current_stage (s), CG_STAGE_LESSON_1);
  assert_int_equal (cg_session_get_n_partners (s), 2);
  assert_string_equal (cg_session_lookup_partner (s, 3)->colour, "#E69F00");
  assert_string_equal (cg_session_lookup_partner (s, 3)->organisation, "");
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
      assert_null (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), "<template"));
    }
}

static gboolean
contains (GBytes *bytes, const char *needle)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), needle) != NULL;
}

static void
test_newer_minor_keeps_foreign (void **state)
{
  g_autoptr (GBytes) file = read_source_file ("tests/data/good/newer-minor.commonground");
  g_autoptr (GError) error = NULL;
  g_autoptr (CgSession) s = cg_session_xml_load_data (g_bytes_get_data (file, NULL),
                                                      g_bytes_get_size (file), "newer.commonground", &error);
  g_autoptr (CgSession) again = NULL;
  g_autoptr (GBytes) saved = NULL, saved_again = NULL;
  const char *const kept[] = {
    "fut:mood=\"calm\"", "<title fut:lang-hint=\"en\">Future session</title>",
    "<fut:weather xmlns:fut=\"https://example.org/ns/future\">rain</fut:weather>",
    "fut:badge=\"gold\"", "they/them</fut:pronouns>", "<prompt fut:timer=\"5\">Talk about it.</prompt>",
    "fut:weight=\"2\"", "value=\"5\" fut:confidence=\"high\"", "partner=\"p1\">yes</fut:vote>",
    "capacity=\"30\">Town hall, <fut:room>Room 2</fut:room></fut:venue>",
    "<other:note>kept as it is</other:note>",
  };

  assert_non_null (s);
  assert_true (cg_session_xml_get_newer_minor (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "Future session");
  assert_int_equal (cg_session_get_rating (s, 1, 2), CG_RATING_5);
  saved = cg_session_xml_save_bytes (s, &error);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (!contains (saved, kept[i]))
      fail_msg ("lost on saving: %s", kept[i]);
  /* Foreign content sits in the right container. */
  assert_true (contains (saved, "<rating partner=\"p1\" item=\"s2\" value=\"5\" fut:confidence=\"high\"/>\n"
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
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
