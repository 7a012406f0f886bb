/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session model: edits, their undo and redo, cascades, the modified
 * flag and the change signals. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cg-session-private.h"

typedef struct
{
  GPtrArray *log; /* "detail:a:b" strings */
} Recorder;

static void
on_changed (CgSession   *session,
            CgChangeKind kind,
            guint        a,
            guint        b,
            Recorder    *rec)
{
  g_ptr_array_add (rec->log, g_strdup_printf ("%s:%u:%u", cg_change_kind_to_detail (kind), a, b));
}

static Recorder *
recorder_new (CgSession *session)
{
  Recorder *rec = g_new0 (Recorder, 1);

  rec->log = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (session, "changed", G_CALLBACK (on_changed), rec);
  return rec;
}

static void
recorder_free (Recorder *rec)
{
  g_ptr_array_unref (rec->log);
  g_free (rec);
}

static gboolean
recorder_saw (Recorder   *rec,
              const char *entry)
{
  for (guint i = 0; i < rec->log->len; i++)
    if (strcmp (g_ptr_array_index (rec->log, i), entry) == 0)
      return TRUE;
  return FALSE;
}

static void
test_new_session_is_clean (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  assert_false (cg_session_get_modified (s));
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_can_redo (s));
  assert_int_equal (cg_session_get_n_partners (s), 0);
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "");
  assert_null (cg_session_get_charter_field (s, CG_CHARTER_PURPOSE));
  assert_non_null (cg_session_get_lesson_prompts (s, 4));
  assert_null (cg_session_get_lesson_prompts (s, 4)[0]);
}

static void
test_detail_edit_undo_redo (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  Recorder *rec = recorder_new (s);

  cg_session_set_detail (s, CG_DETAIL_FACILITATOR, "Sam Okafor");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_FACILITATOR), "Sam Okafor");
  assert_true (cg_session_get_modified (s));
  assert_true (recorder_saw (rec, "detail:2:0"));

  assert_true (cg_session_undo (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_FACILITATOR), "");
  assert_false (cg_session_get_modified (s));
  assert_true (cg_session_can_redo (s));

  assert_true (cg_session_redo (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_FACILITATOR), "Sam Okafor");
  assert_true (cg_session_get_modified (s));
  recorder_free (rec);
}

static void
test_same_value_is_no_edit (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  Recorder *rec = recorder_new (s);

  cg_session_set_detail (s, CG_DETAIL_TITLE, "");
  cg_session_set_answers_hidden (s, FALSE);
  assert_false (cg_session_can_undo (s));
  assert_int_equal (rec->log->len, 0);
  recorder_free (rec);
}

static void
test_typing_merges_into_one_step (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  cg_session_set_detail (s, CG_DETAIL_TITLE, "R");
  cg_session_set_detail (s, CG_DETAIL_TITLE, "Ri");
  cg_session_set_detail (s, CG_DETAIL_TITLE, "Riv");
  cg_session_set_detail (s, CG_DETAIL_CONTEXT, "case");
  assert_true (cg_session_undo (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_CONTEXT), "");
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "Riv");
  assert_true (cg_session_undo (s));
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "");
  assert_false (cg_session_can_undo (s));
}

static void
test_save_point_splits_typing (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  cg_session_set_detail (s, CG_DETAIL_TITLE, "Riv");
  cg_session_set_unmodified (s);
  cg_session_set_detail (s, CG_DETAIL_TITLE, "River");
  assert_true (cg_session_get_modified (s));
  assert_true (cg_session_undo (s));
  /* Back at the saved state exactly. */
  assert_string_equal (cg_session_get_detail (s, CG_DETAIL_TITLE), "Riv");
  assert_false (cg_session_get_modified (s));
}

static void
test_modified_after_undo_past_save_and_new_edit (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  cg_session_add_aim (s, "one");
  cg_session_add_aim (s, "two");
  cg_session_set_unmodified (s);
  cg_session_undo (s);
  assert_true (cg_session_get_modified (s));
  cg_session_add_aim (s, "three");
  /* The saved state (one, two) is gone from the history for good. */
  assert_true (cg_session_get_modified (s));
  cg_session_undo (s);
  assert_true (cg_session_get_modified (s));
}

static void
test_partner_add_gets_palette_colours (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint n = 0;
  const char *const *palette = cg_session_get_palette (&n);
  guint a = cg_session_add_partner (s, "Alex Smith", "Social Services", "Social worker");
  guint b = cg_session_add_partner (s, "Dr Priya Patel", "Riverside Surgery", "GP");

  assert_true (n >= 12);
  assert_int_not_equal (a, b);
  assert_int_equal (cg_session_get_n_partners (s), 2);
  assert_string_equal (cg_session_lookup_partner (s, a)->colour, palette[0]);
  assert_string_equal (cg_session_lookup_partner (s, b)->colour, palette[1]);
  assert_string_equal (cg_session_get_partner (s, 1)->role, "GP");
  assert_int_equal (cg_session_partner_position (s, b), 1);
  assert_int_equal (cg_session_partner_position (s, 999), -1);
  /* Every palette colour is distinct. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      assert_true (g_ascii_strcasecmp (palette[i], palette[j]) != 0);
}

static void
test_partner_fields_and_undo (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint a = cg_session_add_partner (s, "Alex", "", "");

  cg_session_set_partner_field (s, a, CG_PARTNER_ORGANISATION, "Housing");
  cg_session_set_partner_field (s, a, CG_PARTNER_COLOUR, "#112233");
  assert_string_equal (cg_session_lookup_partner (s, a)->organisation, "Housing");
  assert_string_equal (cg_session_lookup_partner (s, a)->colour, "#112233");
  cg_session_undo (s);
  cg_session_undo (s);
  assert_string_equal (cg_session_lookup_partner (s, a)->organisation, "");
  cg_session_undo (s);
  assert_null (cg_session_lookup_partner (s, a));
  assert_false (cg_session_get_modified (s));
}

static CgSession *
make_answered_session (guint *p1,
                       guint *p2,
                       guint *p3,
                       guint *item,
                       guint *task)
{
  CgSession *s = cg_session_new ();

  *p1 = cg_session_add_partner (s, "One", "Org 1", "");
  *p2 = cg_session_add_partner (s, "Two", "Org 2", "");
  *p3 = cg_session_add_partner (s, "Three", "Org 3", "");
  *item = cg_session_add_statement (s, 0, "We share a clear purpose.");
  *task = cg_session_add_task (s, "Chair the weekly meeting");
  cg_session_set_rating (s, *p1, *item, CG_RATING_4);
  cg_session_set_rating (s, *p2, *item, CG_RATING_DONT_KNOW);
  cg_session_set_comment (s, *p2, 0, "Unsure who leads.");
  cg_session_set_involvement (s, *p2, *task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_believed_accountable (s, *p1, *task, *p2);
  cg_session_set_believed_accountable (s, *p3, *task, *p2);
  cg_session_set_task_charter_accountable (s, *task, *p2);
  return s;
}

static void
test_remove_partner_cascades_and_undo_restores (void **state)
{
  guint p1, p2, p3, item, task;
  g_autoptr (CgSession) s = make_answered_session (&p1, &p2, &p3, &item, &task);

  cg_session_remove_partner (s, p2);
  assert_null (cg_session_lookup_partner (s, p2));
  assert_int_equal (cg_session_get_n_partners (s), 2);
  /* Others' beliefs in the removed partner and the charter choice go too. */
  assert_int_equal (cg_session_get_believed_accountable (s, p1, task), 0);
  assert_int_equal (cg_session_get_believed_accountable (s, p3, task), 0);
  assert_int_equal (cg_session_lookup_task (s, task)->charter_accountable, 0);
  assert_int_equal (cg_session_get_rating (s, p1, item), CG_RATING_4);

  /* One undo step brings everything back, in place. */
  assert_true (cg_session_undo (s));
  assert_int_equal (cg_session_partner_position (s, p2), 1);
  assert_int_equal (cg_session_get_rating (s, p2, item), CG_RATING_DONT_KNOW);
  assert_string_equal (cg_session_get_comment (s, p2, 0), "Unsure who leads.");
  assert_int_equal (cg_session_get_involvement (s, p2, task), CG_INVOLVEMENT_ACCOUNTABLE);
  assert_int_equal (cg_session_get_believed_accountable (s, p1, task), p2);
  assert_int_equal (cg_session_get_believed_accountable (s, p3, task), p2);
  assert_int_equal (cg_session_lookup_task (s, task)->charter_accountable, p2);

  assert_true (cg_session_redo (s));
  assert_null (cg_session_lookup_partner (s, p2));
}

static void
test_remove_item_and_task_cascade (void **state)
{
  guint p1, p2, p3, item, task;
  g_autoptr (CgSession) s = make_answered_session (&p1, &p2, &p3, &item, &task);

  cg_session_remove_item (s, item);
  assert_null (cg_session_lookup_item (s, item));
  assert_int_equal (cg_session_get_rating (s, p1, item), CG_RATING_NONE);
  assert_int_equal (cg_session_get_n_statements (s, 0), 0);
  cg_session_remove_task (s, task);
  assert_null (cg_session_lookup_task (s, task));
  assert_int_equal (cg_session_get_involvement (s, p2, task), CG_INVOLVEMENT_UNSET);
  assert_int_equal (cg_session_get_believed_accountable (s, p1, task), 0);

  cg_session_undo (s);
  cg_session_undo (s);
  assert_int_equal (cg_session_get_rating (s, p1, item), CG_RATING_4);
  assert_int_equal (cg_session_get_involvement (s, p2, task), CG_INVOLVEMENT_ACCOUNTABLE);
  assert_int_equal (cg_session_lookup_task (s, task)->charter_accountable, p2);
}

static void
test_ids_never_reused (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint a = cg_session_add_aim (s, "a");
  guint b;

  cg_session_remove_item (s, a);
  b = cg_session_add_aim (s, "b");
  assert_int_not_equal (a, b);
  cg_session_undo (s);
  cg_session_undo (s);
  /* The aim comes back with its own id; a new one still gets a fresh id. */
  assert_non_null (cg_session_lookup_item (s, a));
  assert_true (cg_session_add_task (s, "t") > b);
}

static void
test_ratings_and_signals (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p = cg_session_add_partner (s, "P", "", "");
  guint i = cg_session_add_statement (s, 2, "S");
  Recorder *rec = recorder_new (s);
  g_autofree char *expected = g_strdup_printf ("rating:%u:%u", p, i);
  guint answered = 9, total = 9;

  cg_session_set_rating (s, p, i, CG_RATING_2);
  assert_int_equal (cg_session_get_rating (s, p, i), CG_RATING_2);
  assert_true (recorder_saw (rec, expected));
  cg_session_count_answers (s, CG_STAGE_LESSON_3, &answered, &total);
  assert_int_equal (answered, 1);
  assert_int_equal (total, 1);
  cg_session_set_rating (s, p, i, CG_RATING_NONE);
  cg_session_count_answers (s, CG_STAGE_LESSON_3, &answered, &total);
  assert_int_equal (answered, 0);
  cg_session_undo (s);
  assert_int_equal (cg_session_get_rating (s, p, i), CG_RATING_2);
  recorder_free (rec);
}

static void
test_detailed_signal (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p = cg_session_add_partner (s, "P", "", "");
  guint t = cg_session_add_task (s, "T");
  Recorder rec = { g_ptr_array_new_with_free_func (g_free) };

  g_signal_connect (s, "changed::involvement", G_CALLBACK (on_changed), &rec);
  cg_session_set_detail (s, CG_DETAIL_TITLE, "x");
  cg_session_set_involvement (s, p, t, CG_INVOLVEMENT_CONSULTED);
  assert_int_equal (rec.log->len, 1);
  g_ptr_array_unref (rec.log);
}

static void
test_moves_and_undo (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint a = cg_session_add_partner (s, "A", "", "");
  guint b = cg_session_add_partner (s, "B", "", "");
  guint c = cg_session_add_partner (s, "C", "", "");
  guint s1 = cg_session_add_statement (s, 1, "one");
  guint s2 = cg_session_add_statement (s, 1, "two");

  cg_session_move_partner (s, a, 2);
  assert_int_equal (cg_session_get_partner (s, 0)->id, b);
  assert_int_equal (cg_session_get_partner (s, 1)->id, c);
  assert_int_equal (cg_session_get_partner (s, 2)->id, a);
  cg_session_move_item (s, s2, 0);
  assert_int_equal (cg_session_get_statement (s, 1, 0)->id, s2);
  assert_int_equal (cg_session_item_position (s, s1), 1);
  cg_session_undo (s);
  cg_session_undo (s);
  assert_int_equal (cg_session_get_partner (s, 0)->id, a);
  assert_int_equal (cg_session_get_partner (s, 2)->id, c);
  assert_int_equal (cg_session_get_statement (s, 1, 0)->id, s1);
}

static void
test_groups_are_one_step (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  cg_session_begin_group (s);
  cg_session_add_aim (s, "a");
  cg_session_begin_group (s);
  cg_session_add_aim (s, "b");
  cg_session_end_group (s);
  assert_false (cg_session_can_undo (s));
  cg_session_end_group (s);
  assert_true (cg_session_can_undo (s));
  cg_session_undo (s);
  assert_int_equal (cg_session_get_n_aims (s), 0);
  assert_false (cg_session_can_undo (s));
}

static void
test_hidden_reveal_and_visibility (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  assert_true (cg_session_answers_visible (s, CG_STAGE_LESSON_1));
  cg_session_set_answers_hidden (s, TRUE);
  assert_false (cg_session_answers_visible (s, CG_STAGE_LESSON_1));
  cg_session_set_unmodified (s);
  cg_session_set_revealed (s, CG_STAGE_LESSON_1, TRUE);
  assert_true (cg_session_answers_visible (s, CG_STAGE_LESSON_1));
  assert_false (cg_session_answers_visible (s, CG_STAGE_AIMS));
  /* Revealing is saved (marks modified) but is not an undo step. */
  assert_true (cg_session_get_modified (s));
  cg_session_undo (s);
  assert_false (cg_session_get_answers_hidden (s));
  assert_true (cg_session_get_revealed (s, CG_STAGE_LESSON_1));
}

static void
test_text_is_cleaned (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p = cg_session_add_partner (s, "Bad\001Name", "", "");
  const char *prompts[] = { "ok", "ctl\002x", NULL };

  assert_string_equal (cg_session_lookup_partner (s, p)->name, "BadName");
  cg_session_set_lesson_prompts (s, 0, prompts);
  assert_string_equal (cg_session_get_lesson_prompts (s, 0)[1], "ctlx");
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, "R&D \x1f");
  assert_string_equal (cg_session_get_charter_field (s, CG_CHARTER_PURPOSE), "R&D ");
  /* Empty is the facilitator's own (empty) text; NULL goes back to generated. */
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, "");
  assert_string_equal (cg_session_get_charter_field (s, CG_CHARTER_PURPOSE), "");
  cg_session_set_charter_field (s, CG_CHARTER_PURPOSE, NULL);
  assert_null (cg_session_get_charter_field (s, CG_CHARTER_PURPOSE));
}

static void
test_loader_api (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  Recorder *rec = recorder_new (s);

  cg_session_set_recording (s, FALSE);
  assert_true (cg_session_insert_partner (s, 7, "P", "", "", "#000000"));
  assert_false (cg_session_insert_aim (s, 7, "dup", FALSE));
  assert_false (cg_session_insert_task (s, 0, "zero"));
  assert_true (cg_session_insert_statement (s, 3, 4, "S"));
  assert_true (cg_session_insert_task (s, 12, "T"));
  cg_session_set_rating (s, 7, 3, CG_RATING_5);
  cg_session_bump_next_id (s, 20);
  cg_session_set_recording (s, TRUE);
  cg_session_clear_history (s);
  cg_session_set_unmodified (s);

  assert_int_equal (rec->log->len, 0);
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_get_modified (s));
  assert_int_equal (cg_session_get_next_id (s), 20);
  assert_int_equal (cg_session_add_aim (s, "new"), 20);
  assert_true (cg_session_id_in_use (s, 12));
  assert_int_equal (cg_session_get_rating (s, 7, 3), CG_RATING_5);
  recorder_free (rec);
}

static void
test_equal (void **state)
{
  guint p1, p2, p3, item, task;
  g_autoptr (CgSession) a = make_answered_session (&p1, &p2, &p3, &item, &task);
  g_autoptr (CgSession) b = make_answered_session (&p1, &p2, &p3, &item, &task);

  assert_true (cg_session_equal (a, b));
  cg_session_set_rating (b, p3, item, CG_RATING_1);
  assert_false (cg_session_equal (a, b));
  cg_session_undo (b);
  assert_true (cg_session_equal (a, b));
  cg_session_set_charter_field (b, CG_CHARTER_TITLE, "");
  assert_false (cg_session_equal (a, b));
}

static void
test_count_answers_roles_and_partners (void **state)
{
  guint p1, p2, p3, item, task;
  g_autoptr (CgSession) s = make_answered_session (&p1, &p2, &p3, &item, &task);
  guint answered, total;

  cg_session_count_answers (s, CG_STAGE_ROLES, &answered, &total);
  assert_int_equal (answered, 1);
  assert_int_equal (total, 3);
  cg_session_count_answers (s, CG_STAGE_LESSON_1, &answered, &total);
  assert_int_equal (answered, 2); /* don't know counts as answered */
  assert_int_equal (total, 3);
  cg_session_count_answers (s, CG_STAGE_PARTNERS, &answered, &total);
  assert_int_equal (answered, 3);
  assert_int_equal (total, 3);
}

/* Every other edit, one by one: the edit, its undo and its redo. The
 * session is made twice the same way, so the undone one can be compared
 * with one that was never edited. Ids are given in order from 1. */
static CgSession *
make_edit_session (void)
{
  CgSession *s = cg_session_new ();
  const char *prompts[] = { "Who speaks first?", "What goes unsaid?", NULL };
  const char *roles[] = { "GP", "Social worker", NULL };

  assert_int_equal (cg_session_add_aim (s, "Children attend school every day."), 1);
  assert_int_equal (cg_session_add_aim (s, "Families tell their story once."), 2);
  assert_int_equal (cg_session_add_statement (s, 1, "We share a clear purpose."), 3);
  assert_int_equal (cg_session_add_task (s, "Chair the weekly meeting"), 4);
  assert_int_equal (cg_session_add_task (s, "Keep the shared record"), 5);
  assert_int_equal (cg_session_add_task (s, "Visit the family"), 6);
  cg_session_set_aim_agreed (s, 2, TRUE);
  cg_session_set_lesson_intro (s, 2, "What culture means here.");
  cg_session_set_lesson_prompts (s, 2, prompts);
  cg_session_set_role_suggestions (s, roles);
  cg_session_clear_history (s);
  cg_session_set_unmodified (s);
  return s;
}

typedef struct
{
  const char *name;
  void (*edit) (CgSession *s);
  /* Checks the edited value is as before the edit (FALSE) or after (TRUE). */
  void (*check) (CgSession *s, gboolean edited);
  const char *done_signal;   /* emitted by the edit and by redo */
  const char *undone_signal; /* emitted by undo */
} EditCase;

static void
edit_aim_agreed (CgSession *s)
{
  cg_session_set_aim_agreed (s, 1, TRUE);
}

static void
check_aim_agreed (CgSession *s,
                  gboolean   edited)
{
  assert_int_equal (cg_session_lookup_item (s, 1)->agreed, edited);
  /* The other aim keeps its own mark. */
  assert_true (cg_session_lookup_item (s, 2)->agreed);
}

static void
edit_aim_unagreed (CgSession *s)
{
  cg_session_set_aim_agreed (s, 2, FALSE);
}

static void
check_aim_unagreed (CgSession *s,
                    gboolean   edited)
{
  assert_int_equal (cg_session_lookup_item (s, 2)->agreed, !edited);
  assert_false (cg_session_lookup_item (s, 1)->agreed);
}

static void
edit_statement_text (CgSession *s)
{
  cg_session_set_item_text (s, 3, "We share one clear purpose.");
}

static void
check_statement_text (CgSession *s,
                      gboolean   edited)
{
  assert_string_equal (cg_session_lookup_item (s, 3)->text,
                       edited ? "We share one clear purpose." : "We share a clear purpose.");
  assert_int_equal (cg_session_item_position (s, 3), 0);
}

static void
edit_aim_text (CgSession *s)
{
  cg_session_set_item_text (s, 2, "Families tell their story once, R&D <included>.");
}

static void
check_aim_text (CgSession *s,
                gboolean   edited)
{
  assert_string_equal (cg_session_lookup_item (s, 2)->text,
                       edited ? "Families tell their story once, R&D <included>."
                              : "Families tell their story once.");
  /* The text edit leaves the agreed mark alone. */
  assert_true (cg_session_lookup_item (s, 2)->agreed);
}

static void
edit_task_text (CgSession *s)
{
  cg_session_set_task_text (s, 5, "Keep the shared record up to date");
}

static void
check_task_text (CgSession *s,
                 gboolean   edited)
{
  assert_string_equal (cg_session_lookup_task (s, 5)->text,
                       edited ? "Keep the shared record up to date" : "Keep the shared record");
  assert_string_equal (cg_session_lookup_task (s, 4)->text, "Chair the weekly meeting");
}

static void
edit_lesson_intro (CgSession *s)
{
  cg_session_set_lesson_intro (s, 2, "Culture is how we treat each other.");
}

static void
check_lesson_intro (CgSession *s,
                    gboolean   edited)
{
  assert_string_equal (cg_session_get_lesson_intro (s, 2),
                       edited ? "Culture is how we treat each other." : "What culture means here.");
  assert_string_equal (cg_session_get_lesson_intro (s, 1), "");
}

static void
edit_first_intro (CgSession *s)
{
  cg_session_set_lesson_intro (s, 0, "Why we are here.");
}

static void
check_first_intro (CgSession *s,
                   gboolean   edited)
{
  assert_string_equal (cg_session_get_lesson_intro (s, 0), edited ? "Why we are here." : "");
}

static void
edit_lesson_prompts (CgSession *s)
{
  const char *prompts[] = { "What goes unsaid?", NULL };

  cg_session_set_lesson_prompts (s, 2, prompts);
}

static void
check_lesson_prompts (CgSession *s,
                      gboolean   edited)
{
  const char *const *prompts = cg_session_get_lesson_prompts (s, 2);

  if (edited)
    {
      assert_string_equal (prompts[0], "What goes unsaid?");
      assert_null (prompts[1]);
    }
  else
    {
      assert_string_equal (prompts[0], "Who speaks first?");
      assert_string_equal (prompts[1], "What goes unsaid?");
      assert_null (prompts[2]);
    }
  assert_null (cg_session_get_lesson_prompts (s, 3)[0]);
}

static void
edit_prompts_cleared (CgSession *s)
{
  cg_session_set_lesson_prompts (s, 2, NULL);
}

static void
check_prompts_cleared (CgSession *s,
                       gboolean   edited)
{
  const char *const *prompts = cg_session_get_lesson_prompts (s, 2);

  assert_non_null (prompts);
  if (edited)
    assert_null (prompts[0]);
  else
    assert_int_equal (g_strv_length ((char **) prompts), 2);
}

static void
edit_move_task (CgSession *s)
{
  cg_session_move_task (s, 4, 2);
}

static void
check_move_task (CgSession *s,
                 gboolean   edited)
{
  guint expected_before[] = { 4, 5, 6 }, expected_after[] = { 5, 6, 4 };

  assert_int_equal (cg_session_get_n_tasks (s), 3);
  for (guint i = 0; i < 3; i++)
    assert_int_equal (cg_session_get_task (s, i)->id,
                      edited ? expected_after[i] : expected_before[i]);
}

static void
edit_move_task_up (CgSession *s)
{
  cg_session_move_task (s, 6, 1);
}

static void
check_move_task_up (CgSession *s,
                    gboolean   edited)
{
  guint expected_before[] = { 4, 5, 6 }, expected_after[] = { 4, 6, 5 };

  for (guint i = 0; i < 3; i++)
    assert_int_equal (cg_session_get_task (s, i)->id,
                      edited ? expected_after[i] : expected_before[i]);
}

static void
edit_role_suggestions (CgSession *s)
{
  const char *roles[] = { "GP", "Social worker", "Housing officer", NULL };

  cg_session_set_role_suggestions (s, roles);
}

static void
check_role_suggestions (CgSession *s,
                        gboolean   edited)
{
  const char *const *roles = cg_session_get_role_suggestions (s);

  assert_string_equal (roles[0], "GP");
  assert_string_equal (roles[1], "Social worker");
  if (edited)
    {
      assert_string_equal (roles[2], "Housing officer");
      assert_null (roles[3]);
    }
  else
    assert_null (roles[2]);
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_last_signal (Recorder   *rec,
                    guint       expected_len,
                    const char *entry)
{
  if (rec->log->len != expected_len)
    fail_msg ("expected %u change signals, got %u", expected_len, rec->log->len);
  assert_string_equal (g_ptr_array_index (rec->log, expected_len - 1), entry);
}

static void
run_edit_case (const EditCase *c)
{
  g_autoptr (CgSession) s = make_edit_session ();
  g_autoptr (CgSession) untouched = make_edit_session ();
  Recorder *rec = recorder_new (s);
  guint n_modified = 0, n_can_undo = 0;

  print_message ("%s\n", c->name);
  g_signal_connect (s, "notify::modified", G_CALLBACK (on_notify_count), &n_modified);
  g_signal_connect (s, "notify::can-undo", G_CALLBACK (on_notify_count), &n_can_undo);
  assert_true (cg_session_equal (s, untouched));
  c->check (s, FALSE);

  c->edit (s);
  c->check (s, TRUE);
  assert_false (cg_session_equal (s, untouched));
  assert_true (cg_session_get_modified (s));
  assert_true (cg_session_can_undo (s));
  assert_false (cg_session_can_redo (s));
  assert_last_signal (rec, 1, c->done_signal);
  assert_int_equal (n_modified, 1);
  assert_int_equal (n_can_undo, 1);

  /* One undo step gives back exactly the session before the edit. */
  assert_true (cg_session_undo (s));
  c->check (s, FALSE);
  assert_true (cg_session_equal (s, untouched));
  assert_false (cg_session_get_modified (s));
  assert_false (cg_session_can_undo (s));
  assert_true (cg_session_can_redo (s));
  assert_last_signal (rec, 2, c->undone_signal);
  assert_int_equal (n_modified, 2);
  assert_int_equal (n_can_undo, 2);

  assert_true (cg_session_redo (s));
  c->check (s, TRUE);
  assert_false (cg_session_equal (s, untouched));
  assert_true (cg_session_get_modified (s));
  assert_true (cg_session_can_undo (s));
  assert_false (cg_session_can_redo (s));
  assert_last_signal (rec, 3, c->done_signal);
  assert_int_equal (n_modified, 3);

  /* The same edit again finds the value already held: no step, no signal. */
  c->edit (s);
  assert_int_equal (rec->log->len, 3);
  assert_true (cg_session_undo (s));
  assert_true (cg_session_equal (s, untouched));
  assert_false (cg_session_can_undo (s));
  recorder_free (rec);
}

static void
test_every_edit_undo_redo (void **state)
{
  static const EditCase cases[] = {
    { "aim agreed", edit_aim_agreed, check_aim_agreed, "item:1:0", "item:1:0" },
    { "aim no longer agreed", edit_aim_unagreed, check_aim_unagreed, "item:2:0", "item:2:0" },
    { "statement text", edit_statement_text, check_statement_text, "item:3:0", "item:3:0" },
    { "aim text", edit_aim_text, check_aim_text, "item:2:0", "item:2:0" },
    { "task text", edit_task_text, check_task_text, "task:5:0", "task:5:0" },
    { "lesson intro", edit_lesson_intro, check_lesson_intro, "lesson:2:0", "lesson:2:0" },
    { "first lesson intro", edit_first_intro, check_first_intro, "lesson:0:0", "lesson:0:0" },
    { "lesson prompts", edit_lesson_prompts, check_lesson_prompts, "lesson:2:0", "lesson:2:0" },
    { "lesson prompts cleared", edit_prompts_cleared, check_prompts_cleared, "lesson:2:0",
      "lesson:2:0" },
    /* A move names the task moved and where it went; undo moves it back. */
    { "task moved down", edit_move_task, check_move_task, "tasks-moved:4:2", "tasks-moved:4:0" },
    { "task moved up", edit_move_task_up, check_move_task_up, "tasks-moved:6:1",
      "tasks-moved:6:2" },
    { "role suggestions", edit_role_suggestions, check_role_suggestions, "role-suggestions:0:0",
      "role-suggestions:0:0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    run_edit_case (&cases[i]);
}

/* Private entry's undo fence: the partner holding the laptop takes back
 * their own steps, never the room's, and redo never replays a step undone
 * before the fence; lowering it gives the whole history back. */
static void
test_undo_fence (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint alex = cg_session_add_partner (s, "Alex", "", "");
  guint sam = cg_session_add_partner (s, "Sam", "", "");
  guint item = cg_session_add_statement (s, 0, "Shared purpose");
  guint n_can_undo = 0;

  cg_session_clear_history (s);
  cg_session_set_rating (s, alex, item, CG_RATING_4);
  cg_session_set_comment (s, alex, 0, "Room");
  g_signal_connect (s, "notify::can-undo", G_CALLBACK (on_notify_count), &n_can_undo);

  /* Alex takes the laptop and goes on typing the same comment at once:
   * the typing is a step of its own, not merged into the room's. */
  cg_session_set_undo_fence (s, TRUE);
  assert_true (cg_session_get_undo_fence (s));
  assert_int_equal (n_can_undo, 1);
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_undo (s));
  cg_session_set_comment (s, alex, 0, "Room, and mine");
  assert_int_equal (n_can_undo, 2);
  assert_true (cg_session_undo (s));
  assert_string_equal (cg_session_get_comment (s, alex, 0), "Room");
  assert_false (cg_session_can_undo (s));
  assert_false (cg_session_undo (s));
  assert_int_equal (cg_session_get_rating (s, alex, item), CG_RATING_4);
  assert_true (cg_session_redo (s));
  assert_string_equal (cg_session_get_comment (s, alex, 0), "Room, and mine");
  assert_false (cg_session_can_redo (s));

  /* A step undone before the fence stays undone. */
  cg_session_set_undo_fence (s, FALSE);
  cg_session_set_rating (s, sam, item, CG_RATING_1);
  assert_true (cg_session_undo (s));
  assert_true (cg_session_can_redo (s));
  cg_session_set_undo_fence (s, TRUE);
  assert_false (cg_session_can_redo (s));
  assert_false (cg_session_redo (s));
  assert_int_equal (cg_session_get_rating (s, sam, item), CG_RATING_NONE);
  /* Sam's own answer: undo and redo it, and no further either way. */
  cg_session_set_rating (s, sam, item, CG_RATING_2);
  assert_true (cg_session_undo (s));
  assert_false (cg_session_can_undo (s));
  assert_true (cg_session_redo (s));
  assert_false (cg_session_can_redo (s));
  assert_int_equal (cg_session_get_rating (s, sam, item), CG_RATING_2);

  /* The next partner: the fence moves up to the present. */
  cg_session_set_undo_fence (s, TRUE);
  assert_false (cg_session_can_undo (s));

  /* Down again: the whole history can be undone (rating, comment, Alex's
   * typing, Sam's 2; Sam's 1 was dropped by the 2). */
  cg_session_set_undo_fence (s, FALSE);
  assert_false (cg_session_get_undo_fence (s));
  for (guint i = 0; i < 4; i++)
    assert_true (cg_session_undo (s));
  assert_false (cg_session_can_undo (s));
  assert_int_equal (cg_session_get_rating (s, alex, item), CG_RATING_NONE);
  assert_string_equal (cg_session_get_comment (s, alex, 0), "");
}

static void
test_edits_undo_in_reverse_order (void **state)
{
  g_autoptr (CgSession) s = make_edit_session ();
  g_autoptr (CgSession) untouched = make_edit_session ();

  /* All of them in a row, then undone one at a time back to the start. */
  edit_aim_agreed (s);
  edit_statement_text (s);
  edit_task_text (s);
  edit_lesson_intro (s);
  edit_lesson_prompts (s);
  edit_move_task (s);
  edit_role_suggestions (s);
  for (guint i = 0; i < 7; i++)
    assert_true (cg_session_undo (s));
  assert_false (cg_session_can_undo (s));
  assert_true (cg_session_equal (s, untouched));
  assert_false (cg_session_get_modified (s));
  for (guint i = 0; i < 7; i++)
    assert_true (cg_session_redo (s));
  check_aim_agreed (s, TRUE);
  check_statement_text (s, TRUE);
  check_task_text (s, TRUE);
  check_lesson_intro (s, TRUE);
  check_lesson_prompts (s, TRUE);
  check_move_task (s, TRUE);
  check_role_suggestions (s, TRUE);
  assert_false (cg_session_can_redo (s));
}

/* "5 of 8 have answered": a partner counts once per stage, whatever it
 * answered there; clearing its only answer takes it out again. */
static void
test_count_answered_partners (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint ann = cg_session_add_partner (s, "Ann", NULL, NULL);
  guint ben = cg_session_add_partner (s, "Ben", NULL, NULL);
  guint cara = cg_session_add_partner (s, "Cara", NULL, NULL);
  guint s1 = cg_session_add_statement (s, 0, "One");
  guint s2 = cg_session_add_statement (s, 0, "Two");
  guint s3 = cg_session_add_statement (s, 1, "Other lesson");
  guint aim = cg_session_add_aim (s, "Aim");
  guint task = cg_session_add_task (s, "Task");

  assert_int_equal (cg_session_count_answered_partners (s, "lesson-1"), 0);
  /* Ann answers twice: still one partner. Ben only says don't know. */
  cg_session_set_rating (s, ann, s1, CG_RATING_4);
  cg_session_set_rating (s, ann, s2, CG_RATING_2);
  cg_session_set_rating (s, ben, s2, CG_RATING_DONT_KNOW);
  /* Cara answers in lesson 2 only: not counted on lesson 1. */
  cg_session_set_rating (s, cara, s3, CG_RATING_5);
  assert_int_equal (cg_session_count_answered_partners (s, "lesson-1"), 2);
  assert_int_equal (cg_session_count_answered_partners (s, "lesson-2"), 1);
  /* A comment alone is an answer on its lesson. */
  cg_session_set_comment (s, cara, 0, "Needs talking about");
  assert_int_equal (cg_session_count_answered_partners (s, "lesson-1"), 3);
  cg_session_set_rating (s, ben, s2, CG_RATING_NONE);
  assert_int_equal (cg_session_count_answered_partners (s, "lesson-1"), 2);

  assert_int_equal (cg_session_count_answered_partners (s, "aims"), 0);
  cg_session_set_rating (s, ben, aim, CG_RATING_3);
  assert_int_equal (cg_session_count_answered_partners (s, "aims"), 1);

  /* Roles: own involvement or a believed Accountable. */
  cg_session_set_involvement (s, ann, task, CG_INVOLVEMENT_NONE);
  cg_session_set_believed_accountable (s, cara, task, ben);
  assert_int_equal (cg_session_count_answered_partners (s, "roles"), 2);

  assert_int_equal (cg_session_count_answered_partners (s, "review"), 0);
  assert_int_equal (cg_session_count_answered_partners (s, "no-such-stage"), 0);
}

/* A labelled group is one undo step carrying its name until undone, then
 * the redo step's name; nested groups keep the outer name. */
static void
test_labelled_group (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint ann = cg_session_add_partner (s, "Ann", NULL, NULL);
  guint s1 = cg_session_add_statement (s, 0, "One");

  assert_null (cg_session_get_undo_label (s));
  cg_session_begin_labelled_group (s, "Answer from Ann");
  cg_session_begin_labelled_group (s, "inner");
  cg_session_set_rating (s, ann, s1, CG_RATING_4);
  cg_session_end_group (s);
  cg_session_set_comment (s, ann, 0, "Fine");
  cg_session_end_group (s);
  assert_string_equal (cg_session_get_undo_label (s), "Answer from Ann");
  assert_true (cg_session_undo (s));
  assert_int_equal (cg_session_get_rating (s, ann, s1), CG_RATING_NONE);
  assert_string_equal (cg_session_get_comment (s, ann, 0), "");
  assert_null (cg_session_get_undo_label (s)); /* adding the statement: unnamed */
  assert_string_equal (cg_session_get_redo_label (s), "Answer from Ann");
  assert_true (cg_session_redo (s));
  assert_int_equal (cg_session_get_rating (s, ann, s1), CG_RATING_4);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_count_answered_partners),
    cmocka_unit_test (test_labelled_group),
    cmocka_unit_test (test_new_session_is_clean),
    cmocka_unit_test (test_detail_edit_undo_redo),
    cmocka_unit_test (test_same_value_is_no_edit),
    cmocka_unit_test (test_typing_merges_into_one_step),
    cmocka_unit_test (test_save_point_splits_typing),
    cmocka_unit_test (test_modified_after_undo_past_save_and_new_edit),
    cmocka_unit_test (test_partner_add_gets_palette_colours),
    cmocka_unit_test (test_partner_fields_and_undo),
    cmocka_unit_test (test_remove_partner_cascades_and_undo_restores),
    cmocka_unit_test (test_remove_item_and_task_cascade),
    cmocka_unit_test (test_ids_never_reused),
    cmocka_unit_test (test_ratings_and_signals),
    cmocka_unit_test (test_detailed_signal),
    cmocka_unit_test (test_moves_and_undo),
    cmocka_unit_test (test_groups_are_one_step),
    cmocka_unit_test (test_hidden_reveal_and_visibility),
    cmocka_unit_test (test_text_is_cleaned),
    cmocka_unit_test (test_loader_api),
    cmocka_unit_test (test_equal),
    cmocka_unit_test (test_count_answers_roles_and_partners),
    cmocka_unit_test (test_every_edit_undo_redo),
    cmocka_unit_test (test_edits_undo_in_reverse_order),
    cmocka_unit_test (test_undo_fence),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
