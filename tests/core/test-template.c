/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in workshop templates: listed in order, each loads into a fresh,
 * unmodified session with the content written in data/templates/. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "cg-session-private.h"
#include "cg-template.h"

/* What data/templates/ holds, counted by hand from the files. */
typedef struct
{
  const char *id;
  guint statements[CG_N_LESSONS];
  guint n_aims;
  guint n_tasks;
  guint n_partners;
  guint n_roles;
  const char *first_statement;
  const char *first_partner;
} Expected;

static const Expected expected[] = {
  { "standard",
    { 5, 5, 6, 5, 5 },
    8,
    10,
    0,
    18,
    "We share a clear purpose that every partner can state in one sentence.",
    NULL },
  { "family-complex-needs",
    { 4, 5, 5, 4, 4 },
    7,
    10,
    6,
    10,
    "We share a clear purpose for our work with the Kerr family that every partner can state in one sentence.",
    "Dr Priya Nair" },
  { "mental-health-employment",
    { 4, 5, 5, 4, 4 },
    7,
    10,
    6,
    10,
    "We share a clear purpose that every partner can state in one sentence.",
    "Kate Morrison" },
  { "safeguarding-information",
    { 4, 4, 6, 4, 4 },
    7,
    10,
    6,
    10,
    "We share a clear purpose that every partner can state in one sentence.",
    "Rachel Okonjo" },
};

static void
test_list_standard_first_then_by_name (void **state)
{
  g_autoptr (GPtrArray) list = cg_template_list ();

  assert_int_equal (list->len, G_N_ELEMENTS (expected));
  /* The cases' names ("a family...", "back into work...", "when information...")
   * sort in the order of the expected table. */
  for (guint i = 0; i < list->len; i++)
    {
      const CgTemplateInfo *info = g_ptr_array_index (list, i);
      g_autofree char *path = g_strdup_printf (
        "/io/github/commonground/CommonGround/core/templates/%s.commonground", expected[i].id);

      assert_string_equal (info->id, expected[i].id);
      assert_string_equal (info->resource_path, path);
      assert_true (strlen (info->description) > 40);
    }
  assert_string_equal (((CgTemplateInfo *) g_ptr_array_index (list, 0))->name,
                       "Five Vital Lessons workshop");
  assert_string_equal (((CgTemplateInfo *) g_ptr_array_index (list, 1))->name,
                       "Case study: a family with complex needs");
}

static void
check_id (GHashTable *seen,
          CgSession  *s,
          guint       id)
{
  assert_true (id > 0);
  assert_true (id < cg_session_get_next_id (s));
  assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (id)));
}

/* Every id in the session is unique and below next-id; returns how many. */
static guint
check_ids (CgSession *s)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < cg_session_get_n_partners (s); i++)
    check_id (seen, s, cg_session_get_partner (s, i)->id);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (s, l); i++)
      check_id (seen, s, cg_session_get_statement (s, l, i)->id);
  for (guint i = 0; i < cg_session_get_n_aims (s); i++)
    check_id (seen, s, cg_session_get_aim (s, i)->id);
  for (guint i = 0; i < cg_session_get_n_tasks (s); i++)
    check_id (seen, s, cg_session_get_task (s, i)->id);
  return g_hash_table_size (seen);
}

static void
check_lessons (CgSession      *s,
               const Expected *e)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      guint n = cg_session_get_n_statements (s, l);

      assert_int_equal (n, e->statements[l]);
      assert_in_range (n, 3, 6);
      assert_true (strlen (cg_session_get_lesson_intro (s, l)) > 100);
      assert_int_equal (g_strv_length ((char **) cg_session_get_lesson_prompts (s, l)), 3);
      for (guint i = 0; i < n; i++)
        assert_int_equal (cg_session_get_statement (s, l, i)->lesson, l);
    }
  assert_string_equal (cg_session_get_statement (s, 0, 0)->text, e->first_statement);
}

static void
check_partners (CgSession      *s,
                const Expected *e)
{
  g_autoptr (GHashTable) colours = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_palette = 0;
  const char *const *palette = cg_session_get_palette (&n_palette);

  assert_int_equal (cg_session_get_n_partners (s), e->n_partners);
  for (guint i = 0; i < e->n_partners; i++)
    {
      const CgPartner *p = cg_session_get_partner (s, i);

      assert_true (*p->organisation != '\0' && *p->role != '\0');
      /* Suggested partners take the palette's colours in its order. */
      assert_string_equal (p->colour, palette[i]);
      assert_true (g_hash_table_add (colours, p->colour));
    }
  if (e->n_partners > 0)
    assert_string_equal (cg_session_get_partner (s, 0)->name, e->first_partner);
}

/* A case is 3-5 paragraphs, separated by blank lines. */
static void
check_context (CgSession      *s,
               const Expected *e)
{
  const char *context = cg_session_get_detail (s, CG_DETAIL_CONTEXT);
  g_auto (GStrv) paragraphs = g_strsplit (context, "\n\n", -1);

  if (e->n_partners == 0)
    {
      assert_string_equal (context, "");
      assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "");
      return;
    }
  assert_in_range (g_strv_length (paragraphs), 3, 5);
  assert_true (*cg_session_get_detail (s, CG_DETAIL_TITLE) != '\0');
}

static void
check_new_session_state (CgSession            *s,
                         const CgTemplateInfo *info)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  assert_false (cg_session_get_modified (s));
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_can_redo (s));
  assert_null (cg_session_get_file (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_SCENARIO), info->name);
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_DATE), today);
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_FACILITATOR), "");
  for (CgCharterField f = 0; f < CG_N_CHARTER_FIELDS; f++)
    assert_null (cg_session_get_charter_field (s, f));
}

static void
test_every_template_loads (void **state)
{
  g_autoptr (GPtrArray) list = cg_template_list ();

  for (guint i = 0; i < list->len; i++)
    {
      const CgTemplateInfo *info = g_ptr_array_index (list, i);
      const Expected *e = &expected[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (CgSession) s = cg_session_new_from_template (info->id, &error);
      guint n_statements = 0;

      assert_null (error);
      assert_non_null (s);
      check_lessons (s, e);
      check_partners (s, e);
      check_context (s, e);
      check_new_session_state (s, info);
      assert_int_equal (cg_session_get_n_aims (s), e->n_aims);
      assert_int_equal (cg_session_get_n_tasks (s), e->n_tasks);
      assert_int_equal (g_strv_length ((char **) cg_session_get_role_suggestions (s)), e->n_roles);
      for (guint l = 0; l < CG_N_LESSONS; l++)
        n_statements += e->statements[l];
      assert_int_equal (check_ids (s), e->n_partners + n_statements + e->n_aims + e->n_tasks);
      /* A template has no answers. */
      for (CgStage st = CG_STAGE_LESSON_1; st <= CG_STAGE_ROLES; st++)
        {
          guint answered = 99, total = 0;
          cg_session_count_answers (s, st, &answered, &total);
          assert_int_equal (answered, 0);
        }
    }
}

/* The first edit is the only thing to undo, and undoing it leaves the
 * session as the template made it, unmodified. */
static void
test_first_edit_is_the_only_undo_step (void **state)
{
  g_autoptr (CgSession) s = cg_session_new_from_template ("family-complex-needs", NULL);
  g_autoptr (CgSession) fresh = cg_session_new_from_template ("family-complex-needs", NULL);
  const CgItem *first = cg_session_get_statement (s, 0, 0);
  guint id;

  /* (Adding and undoing a partner would still use up an id, which
   * cg_session_equal() rightly notices; a text edit does not.) */
  cg_session_set_item_text (s, first->id, "We know why we are here.");
  assert_true (cg_session_get_modified (s));
  assert_false (cg_session_equal (s, fresh));
  assert_true (cg_session_undo (s));
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_get_modified (s));
  assert_true (cg_session_equal (s, fresh));

  /* New entities take ids above every id the template used. */
  id = cg_session_add_partner (s, "Alex", "Council", "Social worker");
  assert_int_equal (id, cg_session_get_next_id (fresh));
}

static void
test_unknown_template_is_an_error (void **state)
{
  const char *bad[] = { "no-such-template",      "",         "../templates/standard", "Standard",
                        "standard.commonground", "standard/" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CgSession) s = cg_session_new_from_template (bad[i], &error);

      assert_null (s);
      assert_non_null (error);
      assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
      assert_non_null (strstr (error->message, bad[i]));
    }
}

/* Sets up a catalogue "xx" of our domain from tests/core/template-test.po
 * (compiled by meson) and switches messages to it; returns its directory. */
static char *
use_test_catalogue (void)
{
  g_autofree char *mo =
    g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "core", "template-test.mo", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cg-template-XXXXXX", NULL);
  g_autofree char *messages = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (mo, &contents, &length, NULL))
    return NULL;
  assert_int_equal (g_mkdir_with_parents (messages, 0700), 0);
  assert_true (g_file_set_contents (target, contents, length, NULL));
  /* LANGUAGE is honoured in C.UTF-8 (not in plain C). */
  assert_non_null (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "xx", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return g_steal_pointer (&dir);
}

static void
drop_test_catalogue (char *dir)
{
  g_autofree char *mo = g_build_filename (dir, "xx", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *messages = g_path_get_dirname (mo);
  g_autofree char *xx = g_path_get_dirname (messages);

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  g_remove (mo);
  g_rmdir (messages);
  g_rmdir (xx);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_template_texts_are_translated (void **state)
{
  char *dir = use_test_catalogue ();
  g_autoptr (CgSession) s = NULL;
  g_autoptr (CgSession) family = NULL;
  g_autoptr (GPtrArray) list = NULL;

  if (dir == NULL)
    skip (); /* built without msgfmt */
  list = cg_template_list ();
  s = cg_session_new_from_template ("standard", NULL);
  family = cg_session_new_from_template ("family-complex-needs", NULL);

  assert_string_equal (((CgTemplateInfo *) g_ptr_array_index (list, 0))->name,
                       "Atelier des cinq leçons");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_SCENARIO), "Atelier des cinq leçons");
  assert_string_equal (cg_session_get_statement (s, 0, 0)->text, "Nous partageons un but clair.");
  assert_string_equal (cg_session_get_lesson_prompts (s, 0)[0],
                       "En une phrase, à quoi sert ce partenariat ?");
  assert_string_equal (cg_session_get_aim (s, 0)->text, "La bonne aide, au bon moment.");
  assert_string_equal (cg_session_get_task (s, 0)->text, "Mener l'évaluation des besoins");
  assert_string_equal (cg_session_get_role_suggestions (s)[0], "Médecin généraliste");
  /* Texts without a translation stay as written... */
  assert_string_equal (cg_session_get_statement (s, 0, 1)->text,
                       "The partnership's leadership is accepted by every partner.");
  /* ...and empty ones stay empty (gettext would answer "" with its header). */
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_FACILITATOR), "");
  assert_string_equal (cg_session_get_detail (family, CG_DETAIL_TITLE),
                       "Un soutien coordonné pour la famille Kerr");
  assert_string_equal (cg_session_get_partner (family, 0)->organisation,
                       "Cabinet médical de Riverside");
  assert_string_equal (cg_session_get_partner (family, 0)->role, "Médecin généraliste");
  assert_false (cg_session_get_modified (s));
  assert_false (cg_session_can_undo (family));
  drop_test_catalogue (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_list_standard_first_then_by_name),
    cmocka_unit_test (test_every_template_loads),
    cmocka_unit_test (test_first_edit_is_the_only_undo_step),
    cmocka_unit_test (test_unknown_template_is_an_error),
    /* Last: it changes the locale. */
    cmocka_unit_test (test_template_texts_are_translated),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
