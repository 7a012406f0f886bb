/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rounds and comparisons. Every expected number is worked out by hand from
 * Tastle & Wierman (DOMAIN.md): Cns = 1 + sum p_i log2(1 - |X_i - mean| / 4). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "cg-compare.h"
#include "cg-session-private.h"
#include "cg-session-xml.h"

#define EPS 0.0005
#define assert_near(a, b) assert_true (fabs ((a) - (b)) < EPS)

static const char *const names[] = { "Ana", "Ben", "Cai", "Dee" };

typedef struct
{
  CgSession *earlier;
  guint partners[4];
  guint item, other, task;
} Fixture;

static GBytes *
save (CgSession *s)
{
  GError *error = NULL;
  GBytes *bytes = cg_session_xml_save_bytes (s, &error);

  assert_null (error);
  assert_non_null (bytes);
  return bytes;
}

static CgSession *
reload (GBytes *bytes)
{
  GError *error = NULL;
  CgSession *s = cg_session_xml_load_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           "round.commonground", &error);

  assert_null (error);
  assert_non_null (s);
  return s;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  const CgRating before[] = { 1, 5, 3, 4 };

  f->earlier = cg_session_new ();
  cg_session_set_detail (f->earlier, CG_DETAIL_TITLE, "Riverside partnership");
  cg_session_set_detail (f->earlier, CG_DETAIL_DATE, "2025-11-20");
  f->item = cg_session_add_statement (f->earlier, 0, "We share a clear purpose.");
  f->other = cg_session_add_statement (f->earlier, 0, "Leadership is accepted by all.");
  f->task = cg_session_add_task (f->earlier, "Chair the weekly meeting");
  for (guint i = 0; i < 4; i++)
    {
      f->partners[i] = cg_session_add_partner (f->earlier, names[i], "Org", "Role");
      cg_session_set_rating (f->earlier, f->partners[i], f->item, before[i]);
      cg_session_set_comment (f->earlier, f->partners[i], 0, "A comment");
    }
  /* Overlap: Ana and Ben both claim Accountable; Cai does it. */
  cg_session_set_involvement (f->earlier, f->partners[0], f->task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (f->earlier, f->partners[1], f->task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (f->earlier, f->partners[2], f->task, CG_INVOLVEMENT_RESPONSIBLE);
  cg_session_set_charter_field (f->earlier, CG_CHARTER_PURPOSE, "Our purpose");
  cg_session_set_partner_field (f->earlier, f->partners[0], CG_PARTNER_GROUP, "Health");
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_object_unref (f->earlier);
  g_free (f);
  return 0;
}

static void
test_new_round_copies_questions_not_answers (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round =
    cg_session_new_round (f->earlier, "/tmp/x/riverside.commonground", bytes);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  const CgBaseline *b = cg_session_get_baseline (round);

  assert_string_equal (cg_session_get_detail (round, CG_DETAIL_TITLE), "Riverside partnership");
  assert_int_equal (cg_session_get_n_partners (round), 4);
  assert_int_equal (cg_session_get_partner (round, 2)->id, f->partners[2]);
  assert_string_equal (cg_session_lookup_item (round, f->item)->text, "We share a clear purpose.");
  assert_string_equal (cg_session_lookup_task (round, f->task)->text, "Chair the weekly meeting");
  assert_int_equal (cg_session_get_rating (round, f->partners[0], f->item), CG_RATING_NONE);
  assert_string_equal (cg_session_get_comment (round, f->partners[0], 0), "");
  /* Who a partner speaks for goes on with the partner. */
  assert_string_equal (cg_session_lookup_partner (round, f->partners[0])->group, "Health");
  assert_string_equal (cg_session_lookup_partner (round, f->partners[1])->group, "");
  assert_int_equal (cg_session_get_involvement (round, f->partners[0], f->task),
                    CG_INVOLVEMENT_UNSET);
  assert_null (cg_session_get_charter_field (round, CG_CHARTER_PURPOSE));
  assert_int_equal (cg_session_get_next_id (round), cg_session_get_next_id (f->earlier));
  assert_false (cg_session_get_modified (round));
  assert_non_null (b);
  assert_string_equal (b->title, "Riverside partnership");
  assert_string_equal (b->date, "2025-11-20");
  assert_string_equal (b->file_name, "riverside.commonground");
  assert_string_equal (b->sha256, digest);
  assert_int_equal (strlen (b->sha256), 64);
}

static void
test_baseline_round_trip (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round =
    cg_session_new_round (f->earlier, "riverside & co.commonground", bytes);
  g_autoptr (GBytes) saved = save (round);
  g_autoptr (CgSession) again = reload (saved);
  g_autoptr (GBytes) saved_again = save (again);
  const char *text = g_bytes_get_data (saved, NULL);

  assert_non_null (g_strstr_len (text, g_bytes_get_size (saved), "format-version=\"1.1\""));
  /* Format 1.1's element, in its own namespace (a 1.0 reader keeps it). */
  assert_non_null (g_strstr_len (text, g_bytes_get_size (saved),
                                 "xmlns:cg11=\"https://commonground.github.io/ns/session/1.1\""));
  assert_non_null (g_strstr_len (text, g_bytes_get_size (saved),
                                 "<cg11:file>riverside &amp; co.commonground</cg11:file>"));
  assert_true (cg_session_equal (round, again));
  assert_true (
    cg_baseline_equal (cg_session_get_baseline (round), cg_session_get_baseline (again)));
  assert_true (g_bytes_equal (saved, saved_again));
}

static void
test_bad_baseline_digest_refused (void **state)
{
  const char *file =
    "<session xmlns='https://commonground.github.io/ns/session'"
    " xmlns:cg11='https://commonground.github.io/ns/session/1.1' format-version='1.1' next-id='2'>"
    "<cg11:baseline sha256='xyz'><cg11:title>T</cg11:title><cg11:file>f</cg11:file></cg11:baseline>"
    "<lessons><lesson number='1'/><lesson number='2'/><lesson number='3'/><lesson number='4'/>"
    "<lesson number='5'/></lessons></session>";
  GError *error = NULL;
  g_autoptr (CgSession) s =
    cg_session_xml_load_data (file, strlen (file), "bad.commonground", &error);

  assert_null (s);
  assert_non_null (error);
  assert_non_null (strstr (error->message, "sha256"));
  g_error_free (error);
}

/* The later round: {1,5,3,4} became {4,4,5,4}; the overlap on the task is
 * settled (only Ana claims A, Cai is R). */
static CgSession *
answered_round (Fixture *f,
                GBytes  *bytes)
{
  const CgRating after[] = { 4, 4, 5, 4 };
  CgSession *round = cg_session_new_round (f->earlier, "riverside.commonground", bytes);

  for (guint i = 0; i < 4; i++)
    cg_session_set_rating (round, f->partners[i], f->item, after[i]);
  cg_session_set_involvement (round, f->partners[0], f->task, CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (round, f->partners[1], f->task, CG_INVOLVEMENT_CONSULTED);
  cg_session_set_involvement (round, f->partners[2], f->task, CG_INVOLVEMENT_RESPONSIBLE);
  return round;
}

static const CgItemChange *
change_for (CgComparison *c,
            guint         id)
{
  for (guint i = 0; i < c->items->len; i++)
    if (((CgItemChange *) g_ptr_array_index (c->items, i))->after_id == id)
      return g_ptr_array_index (c->items, i);
  return NULL;
}

static void
test_statement_moves_towards_agreement (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round = answered_round (f, bytes);
  g_autoptr (CgComparison) c = cg_compare_sessions (f->earlier, bytes, round);
  const CgItemChange *ic = change_for (c, f->item);
  g_autoptr (GPtrArray) moved = cg_comparison_most_moved (c, 3);

  assert_int_equal (c->relation, CG_RELATION_DIGEST);
  assert_int_equal (c->baseline_check, CG_BASELINE_MATCHES);
  assert_non_null (ic);
  assert_int_equal (ic->match, CG_MATCH_ID);
  /* Before {1,5,3,4}: mean 13/4 = 3.25. |X - mean| / 4 = 0.5625, 0.4375,
   * 0.0625, 0.1875; log2 of 0.4375, 0.5625, 0.9375, 0.8125 = -1.192645,
   * -0.830075, -0.093109, -0.299560; sum -2.415389, / 4 = -0.603847;
   * Cns = 0.396153. A 1 beside a 4 and a 5: divergent. */
  assert_int_equal (ic->before.n, 4);
  assert_near (ic->before.mean, 3.25);
  assert_near (ic->before.consensus, 0.396153);
  assert_int_equal (ic->before.level, CG_LEVEL_DIVERGENT);
  /* After {4,4,5,4}: mean 17/4 = 4.25. Three |X - mean| / 4 = 0.0625
   * (log2 0.9375 = -0.093109 each) and one 0.1875 (log2 0.8125 =
   * -0.299560); sum -0.578888, / 4 = -0.144722; Cns = 0.855278. Median 4,
   * nobody at 1-2: agreed. */
  assert_near (ic->after.mean, 4.25);
  assert_near (ic->after.consensus, 0.855278);
  assert_int_equal (ic->after.level, CG_LEVEL_AGREED);
  /* Delta mean 1.0, delta consensus 0.855278 - 0.396153 = 0.459125 >= 0.10. */
  assert_near (ic->delta_mean, 1.0);
  assert_near (ic->delta_consensus, 0.459125);
  assert_int_equal (ic->movement, CG_MOVEMENT_TOWARDS_AGREEMENT);
  assert_true (ic->indicative); /* 4 answers < 5 */
  assert_string_equal (cg_movement_to_string (ic->movement), "towards-agreement");
  /* The other statement has no answers either side: no movement. */
  assert_int_equal (change_for (c, f->other)->movement, CG_MOVEMENT_UNKNOWN);
  assert_true (isnan (change_for (c, f->other)->delta_mean));
  assert_int_equal (moved->len, 1);
  assert_ptr_equal (g_ptr_array_index (moved, 0), ic);
  /* Lesson 1 is this one statement: the same means and consensus. */
  assert_near (c->lessons[0].before_mean, 3.25);
  assert_near (c->lessons[0].after_mean, 4.25);
  assert_near (c->lessons[0].before_consensus, 0.396153);
  assert_near (c->lessons[0].after_consensus, 0.855278);
  assert_true (isnan (c->lessons[1].before_mean));
}

static void
test_overlap_resolved (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round = answered_round (f, bytes);
  g_autoptr (CgComparison) c = cg_compare_sessions (f->earlier, bytes, round);
  const CgTaskChange *tc;
  g_autoptr (GPtrArray) resolved = cg_comparison_resolved_tasks (c);

  assert_int_equal (c->tasks->len, 1);
  tc = g_ptr_array_index (c->tasks, 0);
  /* Before: Ana and Ben claim A (overlap), Cai R; nobody names anyone, so
   * no mismatch. After: only Ana claims A, Cai R: nothing flagged. */
  assert_int_equal (tc->before_flags, CG_TASK_FLAG_OVERLAP);
  assert_int_equal (tc->after_flags, 0);
  assert_int_equal (tc->resolved, CG_TASK_FLAG_OVERLAP);
  assert_int_equal (tc->new_flags, 0);
  assert_int_equal (tc->still_open, 0);
  assert_int_equal (resolved->len, 1);
}

static void
test_partner_changes (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round = answered_round (f, bytes);
  g_autoptr (CgComparison) c = cg_compare_sessions (f->earlier, bytes, round);

  /* Ana 1 -> 4 (3), Ben 5 -> 4 (1), Cai 3 -> 5 (2), Dee 4 -> 4 (0). */
  assert_int_equal (c->partners->len, 4);
  for (guint i = 0; i < 4; i++)
    {
      const CgPartnerChange *pc = g_ptr_array_index (c->partners, i);
      const guint changed[] = { 1, 1, 1, 0 };
      const double by[] = { 3, 1, 2, 0 };

      assert_int_equal (pc->n_compared, 1);
      assert_int_equal (pc->n_changed, changed[i]);
      assert_near (pc->mean_abs_change, by[i]);
    }
}

static void
test_baseline_file_changed_since (void **state)
{
  Fixture *f = *state;
  g_autoptr (GBytes) bytes = save (f->earlier);
  g_autoptr (CgSession) round = answered_round (f, bytes);
  g_autoptr (GBytes) changed = NULL;
  g_autoptr (CgComparison) c = NULL;

  /* The earlier file is saved again after a new answer: other bytes. */
  cg_session_set_rating (f->earlier, f->partners[0], f->other, CG_RATING_2);
  changed = save (f->earlier);
  c = cg_compare_sessions (f->earlier, changed, round);
  assert_int_equal (c->baseline_check, CG_BASELINE_DIFFERS);
  /* The ids still agree, so items still match by id. */
  assert_int_equal (c->relation, CG_RELATION_IDS);
  assert_int_equal (change_for (c, f->item)->match, CG_MATCH_ID);
}

static void
test_match_by_text_and_unmatched (void **state)
{
  g_autoptr (CgSession) a = cg_session_new ();
  g_autoptr (CgSession) b = cg_session_new ();
  g_autoptr (CgComparison) c = NULL;
  const CgItemChange *ic;
  const CgUnmatched *u;
  guint pa, pb;

  /* Two sessions typed in separately: the ids do not agree (an aim in
   * one is a statement's id in the other). */
  cg_session_add_aim (a, "Children attend school");             /* a1 */
  cg_session_add_statement (a, 0, "We share a clear purpose."); /* s2 */
  cg_session_add_statement (a, 0, "Only in the first.");        /* s3 */
  pa = cg_session_add_partner (a, "Helen Carter", "GP", "");
  cg_session_add_statement (b, 0, "  we SHARE a   clear purpose  "); /* s1 */
  cg_session_add_aim (b, "Something else");                          /* a2 */
  pb = cg_session_add_partner (b, "helen carter", "GP", "");
  c = cg_compare_sessions (a, NULL, b);
  assert_int_equal (c->relation, CG_RELATION_NONE);
  assert_int_equal (c->baseline_check, CG_BASELINE_NONE);
  assert_int_equal (c->items->len, 1);
  ic = g_ptr_array_index (c->items, 0);
  assert_int_equal (ic->match, CG_MATCH_TEXT);
  assert_int_equal (ic->before_id, 2);
  assert_int_equal (ic->after_id, 1);
  /* Only in the first: s3 and a1 (statements come first); only in the
   * second: a2. */
  assert_int_equal (c->unmatched_items->len, 3);
  u = g_ptr_array_index (c->unmatched_items, 0);
  assert_true (u->in_before);
  assert_int_equal (u->prefix, 's');
  assert_string_equal (u->text, "Only in the first.");
  u = g_ptr_array_index (c->unmatched_items, 1);
  assert_true (u->in_before);
  assert_int_equal (u->prefix, 'a');
  u = g_ptr_array_index (c->unmatched_items, 2);
  assert_false (u->in_before);
  assert_string_equal (u->text, "Something else");
  /* Partners by name, case ignored. */
  assert_int_equal (c->partners->len, 1);
  assert_int_equal (((CgPartnerChange *) g_ptr_array_index (c->partners, 0))->before_id, pa);
  assert_int_equal (((CgPartnerChange *) g_ptr_array_index (c->partners, 0))->after_id, pb);
  assert_int_equal (c->unmatched_partners->len, 0);
}

static void
test_normalise (void **state)
{
  g_autofree char *x = cg_compare_normalise ("  Keep the family\tinformed! ");
  g_autofree char *y = cg_compare_normalise ("keep THE family, informed");

  assert_string_equal (x, "keep the family informed");
  assert_string_equal (x, y);
}

static void
test_movement_threshold (void **state)
{
  g_autoptr (CgSession) a = cg_session_new ();
  g_autoptr (CgSession) b = cg_session_new ();
  g_autoptr (CgComparison) c = NULL;
  guint item = cg_session_add_statement (a, 0, "Same");
  const CgItemChange *ic;

  /* {2,4}: mean 3, each |X - 3| / 4 = 0.25, log2 0.75 = -0.415037;
   * Cns = 0.584963. {3,4}: mean 3.5, each 0.125, log2 0.875 = -0.192645;
   * Cns = 0.807355. Delta 0.222392 in; reversed it is -0.222392: apart. */
  cg_session_add_statement (b, 0, "same");
  for (guint i = 0; i < 2; i++)
    {
      guint pa = cg_session_add_partner (a, names[i], "", "");
      guint pb = cg_session_add_partner (b, names[i], "", "");

      cg_session_set_rating (a, pa, item, i == 0 ? CG_RATING_3 : CG_RATING_4);
      cg_session_set_rating (b, pb, item, i == 0 ? CG_RATING_2 : CG_RATING_4);
    }
  c = cg_compare_sessions (a, NULL, b);
  ic = g_ptr_array_index (c->items, 0);
  assert_near (ic->before.consensus, 0.807355);
  assert_near (ic->after.consensus, 0.584963);
  assert_near (ic->delta_consensus, -0.222392);
  assert_near (ic->delta_mean, -0.5);
  assert_int_equal (ic->movement, CG_MOVEMENT_APART);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_new_round_copies_questions_not_answers, setup, teardown),
    cmocka_unit_test_setup_teardown (test_baseline_round_trip, setup, teardown),
    cmocka_unit_test (test_bad_baseline_digest_refused),
    cmocka_unit_test_setup_teardown (test_statement_moves_towards_agreement, setup, teardown),
    cmocka_unit_test_setup_teardown (test_overlap_resolved, setup, teardown),
    cmocka_unit_test_setup_teardown (test_partner_changes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_baseline_file_changed_since, setup, teardown),
    cmocka_unit_test (test_match_by_text_and_unmatched),
    cmocka_unit_test (test_normalise),
    cmocka_unit_test (test_movement_threshold),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
