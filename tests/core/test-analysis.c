/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agreement and divergence: every expected number below is worked out by
 * hand from the definitions in cg-analysis.h (Tastle-Wierman with d = 4,
 * sample SD, type-7 quartiles), not taken from the program. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "cg-analysis.h"
#include "cg-session-xml.h"

#define EPS 0.0005

#define assert_near(a, b) assert_true (fabs ((a) - (b)) < EPS)

static const char *const names[] = { "Ana", "Ben", "Cai", "Dee", "Eli", "Fay" };

/* A session with @n partners and one statement in lesson 1; @ratings[i]
 * is partner i's answer (CG_RATING_NONE leaves it unanswered). */
static CgSession *
session_with_ratings (guint           n,
                      const CgRating *ratings,
                      guint          *item_id,
                      guint          *partner_ids)
{
  CgSession *s = cg_session_new ();

  *item_id = cg_session_add_statement (s, 0, "We share a clear purpose.");
  for (guint i = 0; i < n; i++)
    {
      guint id = cg_session_add_partner (s, names[i], "Org", "Role");

      if (partner_ids != NULL)
        partner_ids[i] = id;
      if (ratings[i] != CG_RATING_NONE)
        cg_session_set_rating (s, id, *item_id, ratings[i]);
    }
  return s;
}

static CgItemStats *
stats_for (guint           n,
           const CgRating *ratings,
           guint          *partner_ids)
{
  guint item;
  g_autoptr (CgSession) s = session_with_ratings (n, ratings, &item, partner_ids);

  return cg_analysis_item (s, item);
}

static void
test_all_equal_is_unanimous (void **state)
{
  const CgRating r[] = { 3, 3, 3, 3 };
  g_autoptr (CgItemStats) st = stats_for (4, r, NULL);

  /* Every |X - mean| = 0, log2(1) = 0: Cns = 1. SD 0, IQR 0.
   * Median 3 is neutral: no dissenters, so agreed. */
  assert_near (st->consensus, 1.0);
  assert_near (st->sd, 0.0);
  assert_near (st->iqr, 0.0);
  assert_near (st->mean, 3.0);
  assert_int_equal (st->level, CG_LEVEL_AGREED);
  assert_int_equal (st->dissenters->len, 0);
  assert_true (st->indicative); /* n = 4 < 5 */
}

static void
test_split_ends_is_zero (void **state)
{
  const CgRating r[] = { 1, 5 };
  g_autoptr (CgItemStats) st = stats_for (2, r, NULL);

  /* mean 3; each |X - 3| / 4 = 0.5, log2 0.5 = -1; Cns = 1 - 1 = 0. */
  assert_near (st->consensus, 0.0);
  assert_int_equal (st->level, CG_LEVEL_DIVERGENT);
  /* Median 3: nobody is a dissenter. */
  assert_int_equal (st->dissenters->len, 0);
  /* SD: deviations -2, 2; ss = 8; /1; sqrt 8 = 2.828. */
  assert_near (st->sd, 2.828427);
}

static void
test_four_five (void **state)
{
  const CgRating r[] = { 4, 5 };
  g_autoptr (CgItemStats) st = stats_for (2, r, NULL);

  /* mean 4.5; |X - 4.5| / 4 = 0.125; log2 0.875 = -0.192645;
   * Cns = 1 - 0.192645 = 0.807 -> agreed (>= 0.80, nobody below 3). */
  assert_near (st->consensus, 0.807);
  assert_near (st->median, 4.5);
  assert_int_equal (st->level, CG_LEVEL_AGREED);
}

static void
test_one_three_five (void **state)
{
  const guint counts[CG_RATING_MAX + 1] = { 0, 1, 0, 1, 0, 1 };

  /* mean 3: 1/3 (-1) + 1/3 (0) + 1/3 (-1) = -2/3; Cns = 0.333. */
  assert_near (cg_analysis_consensus (counts), 0.333);
}

static void
test_consensus_helper_edges (void **state)
{
  const guint none[CG_RATING_MAX + 1] = { 0 };
  const guint one[CG_RATING_MAX + 1] = { 0, 0, 7, 0, 0, 0 };
  /* {3,3,4,5}: mean 3.75; 3: log2(1 - 0.1875) = -0.299560 (twice);
   * 4: log2(0.9375) = -0.093109; 5: log2(0.6875) = -0.540568;
   * sum / 4 = -0.308199; Cns = 0.692. */
  const guint mixed[CG_RATING_MAX + 1] = { 0, 0, 0, 2, 1, 1 };

  assert_true (isnan (cg_analysis_consensus (none)));
  assert_near (cg_analysis_consensus (one), 1.0);
  assert_near (cg_analysis_consensus (mixed), 0.692);
}

static void
test_lone_dissenter (void **state)
{
  const CgRating r[] = { 4, 4, 2, 4, 4 };
  guint ids[5];
  g_autoptr (CgItemStats) st = stats_for (5, r, ids);

  /* {2,4,4,4,4}: mean 3.6, median 4, min 2, max 4.
   * SD: deviations 0.4 (x4), -1.6; ss = 0.64 + 2.56 = 3.2; /4 = 0.8;
   * sqrt 0.8 = 0.894. Type 7: q1 at h = 1 -> 4, q3 at h = 3 -> 4, IQR 0.
   * Cns: 4/5 log2(0.9) + 1/5 log2(0.6) = -0.121602 - 0.147393 -> 0.731.
   * A 2 beside 4s: divergent. The partner who answered 2 dissents. */
  assert_int_equal (st->n, 5);
  assert_false (st->indicative);
  assert_near (st->mean, 3.6);
  assert_near (st->median, 4.0);
  assert_near (st->min, 2.0);
  assert_near (st->max, 4.0);
  assert_near (st->sd, 0.894427);
  assert_near (st->iqr, 0.0);
  assert_near (st->consensus, 0.731);
  assert_int_equal (st->level, CG_LEVEL_DIVERGENT);
  assert_int_equal (st->dissenters->len, 1);
  assert_int_equal (g_array_index (st->dissenters, guint, 0), ids[2]);
}

static void
test_spread_even_set (void **state)
{
  const CgRating r[] = { 5, 1, 4, 2 };
  g_autoptr (CgItemStats) st = stats_for (4, r, NULL);

  /* Sorted {1,2,4,5}: mean 3; median (h = 1.5) 2 + 0.5 x 2 = 3;
   * q1 (h = 0.75) 1 + 0.75 x 1 = 1.75; q3 (h = 2.25) 4 + 0.25 x 1 = 4.25;
   * IQR 2.5. SD: ss = 4 + 1 + 1 + 4 = 10; /3; sqrt = 1.826.
   * Cns: (2 log2 0.5 + 2 log2 0.75) / 4 = (-2 - 0.830075) / 4 -> 0.292. */
  assert_int_equal (st->counts[1], 1);
  assert_int_equal (st->counts[3], 0);
  assert_near (st->mean, 3.0);
  assert_near (st->median, 3.0);
  assert_near (st->q1, 1.75);
  assert_near (st->q3, 4.25);
  assert_near (st->iqr, 2.5);
  assert_near (st->sd, 1.825742);
  assert_near (st->consensus, 0.292);
  assert_int_equal (st->level, CG_LEVEL_DIVERGENT);
  assert_int_equal (st->dissenters->len, 0); /* median exactly 3 */
}

static void
test_spread_six (void **state)
{
  const CgRating r[] = { 4, 2, 5, 3, 4, 3 };
  guint ids[6];
  g_autoptr (CgItemStats) st = stats_for (6, r, ids);

  /* Sorted {2,3,3,4,4,5}: mean 3.5; median (h = 2.5) 3 + 0.5 = 3.5;
   * q1 (h = 1.25) x1 + 0.25 (x2 - x1) = 3; q3 (h = 3.75) x3 + 0.75 (x4 - x3)
   * = 4 + 0 = 4; IQR 1.
   * SD: ss = 2.25 + 0.25 x 4 + 2.25 = 5.5; /5 = 1.1; sqrt = 1.049.
   * Median 3.5 is above neutral: the partner who answered 2 (Ben) dissents. */
  assert_near (st->median, 3.5);
  assert_near (st->q1, 3.0);
  assert_near (st->q3, 4.0);
  assert_near (st->iqr, 1.0);
  assert_near (st->sd, 1.048809);
  assert_near (st->consensus, 0.646);
  assert_int_equal (st->level, CG_LEVEL_DIVERGENT);
  assert_int_equal (st->dissenters->len, 1);
  assert_int_equal (g_array_index (st->dissenters, guint, 0), ids[1]);
}

static void
test_partly_agreed (void **state)
{
  const CgRating r[] = { 3, 3, 4, 5 };
  g_autoptr (CgItemStats) st = stats_for (4, r, NULL);

  /* Cns 0.692 (see test_consensus_helper_edges): between 0.60 and 0.80,
   * nobody at 1-2: partly agreed. */
  assert_int_equal (st->level, CG_LEVEL_PARTLY_AGREED);
  assert_int_equal (st->dissenters->len, 0);
}

static void
test_low_side_dissenters (void **state)
{
  const CgRating r[] = { 1, 2, 2, 4 };
  guint ids[4];
  g_autoptr (CgItemStats) st = stats_for (4, r, ids);

  /* Median (h = 1.5) 2: below neutral, so the 4 (Dee) dissents. */
  assert_near (st->median, 2.0);
  assert_int_equal (st->dissenters->len, 1);
  assert_int_equal (g_array_index (st->dissenters, guint, 0), ids[3]);
  assert_int_equal (st->level, CG_LEVEL_DIVERGENT);
}

static void
test_dont_know_excluded_and_counted (void **state)
{
  const CgRating r[] = { 5, CG_RATING_DONT_KNOW, 5, CG_RATING_NONE, CG_RATING_DONT_KNOW };
  g_autoptr (CgItemStats) st = stats_for (5, r, NULL);

  /* Two 5s count; two don't-knows and one blank do not. Were don't-know
   * read as 6 or 0, the mean would not be 5 nor the consensus 1. */
  assert_int_equal (st->n, 2);
  assert_int_equal (st->n_dont_know, 2);
  assert_int_equal (st->n_missing, 1);
  assert_near (st->mean, 5.0);
  assert_near (st->consensus, 1.0);
  assert_int_equal (st->level, CG_LEVEL_AGREED);
}

static void
test_not_enough (void **state)
{
  const CgRating one[] = { 4, CG_RATING_DONT_KNOW };
  const CgRating none[] = { CG_RATING_NONE, CG_RATING_DONT_KNOW };
  g_autoptr (CgItemStats) st1 = stats_for (2, one, NULL);
  g_autoptr (CgItemStats) st0 = stats_for (2, none, NULL);

  assert_int_equal (st1->level, CG_LEVEL_NOT_ENOUGH);
  assert_near (st1->mean, 4.0);
  assert_true (isnan (st1->sd));
  assert_int_equal (st0->level, CG_LEVEL_NOT_ENOUGH);
  assert_true (isnan (st0->mean));
  assert_true (isnan (st0->consensus));
  assert_int_equal (st0->n_missing, 1);
}

static void
test_unknown_item (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();

  assert_null (cg_analysis_item (s, 99));
  assert_null (cg_analysis_task (s, 99));
}

static void
test_level_strings (void **state)
{
  assert_string_equal (cg_level_to_string (CG_LEVEL_PARTLY_AGREED), "partly-agreed");
  assert_string_equal (cg_level_to_string (CG_LEVEL_NOT_ENOUGH), "not-enough");
  assert_string_equal (cg_level_to_label (CG_LEVEL_DIVERGENT), "Divergent");
  assert_string_equal (cg_level_to_label (CG_LEVEL_NOT_ENOUGH), "Not enough answers");
}

static void
test_lesson_means (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p1 = cg_session_add_partner (s, "Ana", NULL, NULL);
  guint p2 = cg_session_add_partner (s, "Ben", NULL, NULL);
  guint p3 = cg_session_add_partner (s, "Cai", NULL, NULL);
  guint s1 = cg_session_add_statement (s, 2, "One");
  guint s2 = cg_session_add_statement (s, 2, "Two");
  guint other = cg_session_add_statement (s, 3, "Elsewhere");
  guint aim = cg_session_add_aim (s, "An aim");
  g_autoptr (CgLessonStats) st = NULL;

  cg_session_set_rating (s, p1, s1, 4);
  cg_session_set_rating (s, p1, s2, 5);
  cg_session_set_rating (s, p2, s1, 2);
  cg_session_set_rating (s, p2, s2, CG_RATING_DONT_KNOW);
  cg_session_set_rating (s, p3, s1, CG_RATING_DONT_KNOW);
  cg_session_set_rating (s, p1, other, 1); /* another lesson: ignored */
  cg_session_set_rating (s, p3, aim, 1);   /* an aim: ignored */

  st = cg_analysis_lesson (s, 2);
  /* Ana (4 + 5) / 2 = 4.5; Ben 2 (don't know left out); Cai nothing: NAN.
   * Group: all 1-5 answers pooled, (4 + 5 + 2) / 3 = 3.667. */
  assert_int_equal (st->lesson, 2);
  assert_int_equal (st->partner_means->len, 3);
  assert_near (g_array_index (st->partner_means, double, 0), 4.5);
  assert_near (g_array_index (st->partner_means, double, 1), 2.0);
  assert_true (isnan (g_array_index (st->partner_means, double, 2)));
  assert_near (st->group_mean, 11.0 / 3.0);

  g_clear_pointer (&st, cg_lesson_stats_free);
  st = cg_analysis_lesson (s, 0);
  assert_true (isnan (st->group_mean));
  assert_true (isnan (g_array_index (st->partner_means, double, 0)));
}

typedef struct
{
  CgSession *s;
  guint p[4];
  guint task;
} TaskFixture;

static int
task_setup (void **state)
{
  TaskFixture *f = g_new0 (TaskFixture, 1);

  f->s = cg_session_new ();
  for (guint i = 0; i < 4; i++)
    f->p[i] = cg_session_add_partner (f->s, names[i], NULL, NULL);
  f->task = cg_session_add_task (f->s, "Lead the needs assessment");
  *state = f;
  return 0;
}

static int
task_teardown (void **state)
{
  TaskFixture *f = *state;

  g_object_unref (f->s);
  g_free (f);
  return 0;
}

static void
set_roles (TaskFixture         *f,
           const CgInvolvement *inv,
           const guint         *named_index)
{
  for (guint i = 0; i < 4; i++)
    {
      cg_session_set_involvement (f->s, f->p[i], f->task, inv[i]);
      if (named_index != NULL && named_index[i] > 0)
        cg_session_set_believed_accountable (f->s, f->p[i], f->task, f->p[named_index[i] - 1]);
    }
}

#define U CG_INVOLVEMENT_UNSET
#define N CG_INVOLVEMENT_NONE
#define R CG_INVOLVEMENT_RESPONSIBLE
#define A CG_INVOLVEMENT_ACCOUNTABLE
#define C CG_INVOLVEMENT_CONSULTED
#define I CG_INVOLVEMENT_INFORMED

static void
test_task_clear (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { A, R, C, I };
  const guint named[] = { 1, 1, 1, 0 }; /* three name Ana, Dee names nobody */
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, named);
  st = cg_analysis_task (f->s, f->task);
  assert_false (st->gap);
  assert_false (st->overlap);
  assert_false (st->no_doer);
  assert_false (st->mismatch);
  assert_true (cg_task_stats_is_clear (st));
  assert_int_equal (st->most_named, f->p[0]);
  assert_int_equal (st->n_answered, 4);
  assert_int_equal (st->accountable->len, 1);
  assert_int_equal (g_array_index (st->responsible, guint, 0), f->p[1]);
}

static void
test_task_gap (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { R, C, N, U };
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, NULL);
  st = cg_analysis_task (f->s, f->task);
  assert_true (st->gap);
  assert_false (st->overlap);
  assert_false (st->no_doer);
  assert_false (st->mismatch); /* nobody named anybody */
  assert_int_equal (st->most_named, 0);
  assert_int_equal (st->n_answered, 3); /* "not involved" is an answer, unset is not */
  assert_false (cg_task_stats_is_clear (st));
}

static void
test_task_overlap (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { A, R, A, I };
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, NULL);
  st = cg_analysis_task (f->s, f->task);
  assert_true (st->overlap);
  assert_false (st->gap);
  assert_int_equal (st->accountable->len, 2);
  assert_int_equal (g_array_index (st->accountable, guint, 0), f->p[0]);
  assert_int_equal (g_array_index (st->accountable, guint, 1), f->p[2]);
}

static void
test_task_no_doer (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { A, C, C, I };
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, NULL);
  st = cg_analysis_task (f->s, f->task);
  assert_true (st->no_doer);
  assert_false (st->gap);
  assert_int_equal (st->responsible->len, 0);
}

static void
test_task_mismatch_different_names (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { A, R, C, I };
  const guint named[] = { 1, 1, 2, 2 }; /* Ana x2, Ben x2: a tie */
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, named);
  st = cg_analysis_task (f->s, f->task);
  assert_true (st->mismatch);
  assert_int_equal (st->most_named, 0);
  assert_false (st->gap);
  assert_false (st->overlap);
}

static void
test_task_mismatch_most_named_does_not_claim (void **state)
{
  TaskFixture *f = *state;
  const CgInvolvement inv[] = { A, R, C, I };
  const guint named[] = { 2, 2, 2, 2 }; /* all name Ben, who only claims R */
  g_autoptr (CgTaskStats) st = NULL;

  set_roles (f, inv, named);
  st = cg_analysis_task (f->s, f->task);
  assert_int_equal (st->most_named, f->p[1]);
  assert_true (st->mismatch);
  assert_false (st->gap);
}

static void
test_tasks_led (void **state)
{
  TaskFixture *f = *state;
  guint t2 = cg_session_add_task (f->s, "Chair the weekly meeting");
  guint t3 = cg_session_add_task (f->s, "Keep the family informed");

  cg_session_set_involvement (f->s, f->p[0], f->task, A);
  cg_session_set_involvement (f->s, f->p[0], t2, A);
  cg_session_set_involvement (f->s, f->p[1], t2, A);
  cg_session_set_involvement (f->s, f->p[1], t3, R);
  cg_session_set_involvement (f->s, f->p[2], t3, C);
  /* Ana leads 2, Ben 1 (R does not lead), Cai and Dee 0. */
  assert_int_equal (cg_analysis_tasks_led (f->s, f->p[0]), 2);
  assert_int_equal (cg_analysis_tasks_led (f->s, f->p[1]), 1);
  assert_int_equal (cg_analysis_tasks_led (f->s, f->p[2]), 0);
  assert_int_equal (cg_analysis_tasks_led (f->s, f->p[3]), 0);
}

static void
rate_all (CgSession      *s,
          const guint    *partners,
          guint           item,
          const CgRating *r)
{
  for (guint i = 0; i < 4; i++)
    if (r[i] != CG_RATING_NONE)
      cg_session_set_rating (s, partners[i], item, r[i]);
}

static void
test_talk_first_order (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  guint p[4], s_split, s_agreed, s_lone, aim_mid, s_tie, t_clear, t_gap, t_overlap;
  const CgRating split[] = { 1, 5, 1, 5 }; /* Cns 0 */
  const CgRating agreed[] = { 4, 4, 5, 4 };
  const CgRating lone[] = {
    4, 4, 4, 2
  }; /* Cns: mean 3.5; 3 x log2(0.875) + log2(0.625) = -1.256 / 4 -> 0.686, divergent by 2 vs 4 */
  const CgRating mid[] = { 1, 2, 4, 5 }; /* Cns 0.292 */
  const CgRating tie[] = { 5, 1, 5, 1 }; /* Cns 0, later than s_split */

  for (guint i = 0; i < 4; i++)
    p[i] = cg_session_add_partner (s, names[i], NULL, NULL);
  s_lone = cg_session_add_statement (s, 0, "Lone");
  s_agreed = cg_session_add_statement (s, 0, "Agreed");
  s_split = cg_session_add_statement (s, 1, "Split");
  s_tie = cg_session_add_statement (s, 4, "Also split");
  aim_mid = cg_session_add_aim (s, "Aim");
  rate_all (s, p, s_lone, lone);
  rate_all (s, p, s_agreed, agreed);
  rate_all (s, p, s_split, split);
  rate_all (s, p, s_tie, tie);
  rate_all (s, p, aim_mid, mid);
  t_clear = cg_session_add_task (s, "Clear");
  t_gap = cg_session_add_task (s, "Gap");
  t_overlap = cg_session_add_task (s, "Overlap");
  cg_session_set_involvement (s, p[0], t_clear, A);
  cg_session_set_involvement (s, p[1], t_clear, R);
  cg_session_set_involvement (s, p[0], t_gap, R);
  cg_session_set_involvement (s, p[0], t_overlap, A);
  cg_session_set_involvement (s, p[1], t_overlap, A);
  cg_session_set_involvement (s, p[2], t_overlap, R);

  cg_analysis_talk_first (s, 0, &items, &tasks);
  /* Consensus ascending: split 0, tie 0 (session order), aim 0.292, lone 0.686. */
  assert_int_equal (items->len, 4);
  assert_int_equal (g_array_index (items, guint, 0), s_split);
  assert_int_equal (g_array_index (items, guint, 1), s_tie);
  assert_int_equal (g_array_index (items, guint, 2), aim_mid);
  assert_int_equal (g_array_index (items, guint, 3), s_lone);
  assert_int_equal (tasks->len, 2);
  assert_int_equal (g_array_index (tasks, guint, 0), t_gap);
  assert_int_equal (g_array_index (tasks, guint, 1), t_overlap);
  g_clear_pointer (&items, g_array_unref);
  g_clear_pointer (&tasks, g_array_unref);

  cg_analysis_talk_first (s, 1, &items, &tasks);
  assert_int_equal (items->len, 1);
  assert_int_equal (g_array_index (items, guint, 0), s_split);
  assert_int_equal (tasks->len, 1);
  assert_int_equal (g_array_index (tasks, guint, 0), t_gap);
}

static void
test_aim_statistics (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p1 = cg_session_add_partner (s, "Ana", NULL, NULL);
  guint p2 = cg_session_add_partner (s, "Ben", NULL, NULL);
  guint aim = cg_session_add_aim (s, "Children attend school every day.");
  g_autoptr (CgItemStats) st = NULL;

  cg_session_set_rating (s, p1, aim, 4);
  cg_session_set_rating (s, p2, aim, 5);
  st = cg_analysis_item (s, aim);
  /* Aims get the same statistics: {4,5} -> 0.807, agreed. */
  assert_int_equal (st->item_id, aim);
  assert_near (st->consensus, 0.807);
  assert_int_equal (st->level, CG_LEVEL_AGREED);
}

/* The Review's order, worked by hand on four partners:
 * s1 3,3,3,3 agreed (consensus 1); s2 1,5,1,5 divergent (0);
 * s3 unanswered: not enough; s4 3,4,5,5: mean 4.25, consensus
 * 1 + .25 (log2 .6875 + log2 .9375 + 2 log2 .8125) = 0.692, partly agreed;
 * aim a1 1,5 divergent (0), after s2 on the tie (session order);
 * s5 1,1,2,2: mean 1.5, consensus 1 + log2 (1 - .5 / 4) = 0.807, median
 * 1.5, nobody at 4-5: agreed, not true, so ahead of the agreed s1.
 * Expected: s2, a1, s4, s3, s5, s1. */
static void
test_review_order (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint p[4], s1, s2, s3, s4, s5, a1;
  const CgRating r1[] = { 3, 3, 3, 3 }, r2[] = { 1, 5, 1, 5 }, r4[] = { 3, 4, 5, 5 };
  const CgRating r5[] = { 1, 1, 2, 2 };
  g_autoptr (GArray) order = NULL;
  g_autoptr (GArray) aims_only = NULL;

  for (guint i = 0; i < 4; i++)
    p[i] = cg_session_add_partner (s, names[i], "Org", "Role");
  s1 = cg_session_add_statement (s, 0, "One");
  s2 = cg_session_add_statement (s, 0, "Two");
  s3 = cg_session_add_statement (s, 1, "Three");
  s4 = cg_session_add_statement (s, 2, "Four");
  a1 = cg_session_add_aim (s, "Aim");
  s5 = cg_session_add_statement (s, 4, "Five");
  for (guint i = 0; i < 4; i++)
    {
      cg_session_set_rating (s, p[i], s5, r5[i]);
      cg_session_set_rating (s, p[i], s1, r1[i]);
      cg_session_set_rating (s, p[i], s2, r2[i]);
      cg_session_set_rating (s, p[i], s4, r4[i]);
    }
  cg_session_set_rating (s, p[0], a1, 1);
  cg_session_set_rating (s, p[1], a1, 5);

  order = cg_analysis_review_order (s);
  assert_int_equal (order->len, 6);
  assert_int_equal (g_array_index (order, guint, 0), s2);
  assert_int_equal (g_array_index (order, guint, 1), a1);
  assert_int_equal (g_array_index (order, guint, 2), s4);
  assert_int_equal (g_array_index (order, guint, 3), s3);
  assert_int_equal (g_array_index (order, guint, 4), s5);
  assert_int_equal (g_array_index (order, guint, 5), s1);

  /* Hidden answers, only the aims revealed: no statement is listed. */
  cg_session_set_answers_hidden (s, TRUE);
  cg_session_set_revealed (s, CG_STAGE_AIMS, TRUE);
  aims_only = cg_analysis_review_order (s);
  assert_int_equal (aims_only->len, 1);
  assert_int_equal (g_array_index (aims_only, guint, 0), a1);
}

/* Direction at the boundaries, on two answers each. {2,3}: median 2.5,
 * mean 2.5, consensus 1 + log2 (1 - .5 / 4) = 0.807 >= 0.80, nobody at 4-5:
 * agreed and not true, "Agreed: not yet" (as an aim "Agreed: not a
 * priority"). {3,3}: median 3, neutral, plain "Agreed". {3,4}: median 3.5,
 * true, consensus 0.807, "Agreed". {1,5}: median 3, neutral, divergent. */
static void
test_direction_boundaries (void **state)
{
  const CgRating low[] = { 2, 3 }, mid[] = { 3, 3 }, high[] = { 3, 4 }, split[] = { 1, 5 };
  g_autoptr (CgItemStats) a = stats_for (2, low, NULL);
  g_autoptr (CgItemStats) b = stats_for (2, mid, NULL);
  g_autoptr (CgItemStats) c = stats_for (2, high, NULL);
  g_autoptr (CgItemStats) d = stats_for (2, split, NULL);
  const CgRating none[] = { CG_RATING_NONE, CG_RATING_NONE };
  g_autoptr (CgItemStats) e = stats_for (2, none, NULL);

  assert_near (a->median, 2.5);
  assert_near (a->consensus, 0.807355);
  assert_int_equal (a->level, CG_LEVEL_AGREED);
  assert_int_equal (a->direction, CG_DIRECTION_NOT_TRUE);
  assert_true (cg_item_stats_agreed_not_true (a));
  assert_string_equal (cg_item_stats_label (a), "Agreed: not yet");
  assert_string_equal (cg_direction_to_string (a->direction), "not-true");

  assert_near (b->median, 3.0);
  assert_int_equal (b->level, CG_LEVEL_AGREED);
  assert_int_equal (b->direction, CG_DIRECTION_NEUTRAL);
  assert_false (cg_item_stats_agreed_not_true (b));
  assert_string_equal (cg_item_stats_label (b), "Agreed");
  assert_string_equal (cg_direction_to_string (b->direction), "neutral");

  assert_near (c->median, 3.5);
  assert_near (c->consensus, 0.807355);
  assert_int_equal (c->level, CG_LEVEL_AGREED);
  assert_int_equal (c->direction, CG_DIRECTION_TRUE);
  assert_string_equal (cg_item_stats_label (c), "Agreed");
  assert_string_equal (cg_direction_to_string (c->direction), "true");

  assert_int_equal (d->direction, CG_DIRECTION_NEUTRAL);
  assert_string_equal (cg_item_stats_label (d), "Divergent");

  assert_int_equal (e->direction, CG_DIRECTION_NONE);
  assert_null (cg_direction_to_string (e->direction));

  /* The same answers to an aim: agreed as unimportant. */
  a->kind = CG_ITEM_AIM;
  assert_string_equal (cg_item_stats_label (a), "Agreed: not a priority");
}

/* "What we agree is missing": statements only, lowest mean first.
 * s1 {2,2,2,2}: mean 2, consensus 1, agreed, not true. s2 {1,1,2,2}: mean
 * 1.5, 0.807, agreed, not true. s3 {4,4,4,4} agreed but true; s4 {1,3,3,3}
 * mean 2.5, 1 + .25 log2 (1 - 1.5/4) + .75 log2 (1 - .5/4) = 0.686: partly
 * agreed. The aim {2,2,2,2} is agreed as unimportant: not a priority,
 * not missing. Expected: s2, s1. */
static void
test_agreed_missing (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  const CgRating r1[] = { 2, 2, 2, 2 }, r2[] = { 1, 1, 2, 2 }, r3[] = { 4, 4, 4, 4 };
  const CgRating r4[] = { 1, 3, 3, 3 };
  guint p[4], s1, s2, s3, s4, a1;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) one = NULL;
  g_autoptr (CgItemStats) st4 = NULL;

  for (guint i = 0; i < 4; i++)
    p[i] = cg_session_add_partner (s, names[i], "Org", "Role");
  s1 = cg_session_add_statement (s, 0, "One");
  s2 = cg_session_add_statement (s, 1, "Two");
  s3 = cg_session_add_statement (s, 1, "Three");
  s4 = cg_session_add_statement (s, 2, "Four");
  a1 = cg_session_add_aim (s, "Aim");
  for (guint i = 0; i < 4; i++)
    {
      cg_session_set_rating (s, p[i], s1, r1[i]);
      cg_session_set_rating (s, p[i], s2, r2[i]);
      cg_session_set_rating (s, p[i], s3, r3[i]);
      cg_session_set_rating (s, p[i], s4, r4[i]);
      cg_session_set_rating (s, p[i], a1, r1[i]);
    }
  st4 = cg_analysis_item (s, s4);
  assert_near (st4->consensus, 0.686);
  assert_int_equal (st4->level, CG_LEVEL_PARTLY_AGREED);

  ids = cg_analysis_agreed_missing (s, 0);
  assert_int_equal (ids->len, 2);
  assert_int_equal (g_array_index (ids, guint, 0), s2);
  assert_int_equal (g_array_index (ids, guint, 1), s1);
  one = cg_analysis_agreed_missing (s, 1);
  assert_int_equal (one->len, 1);
  assert_int_equal (g_array_index (one, guint, 0), s2);
}

static CgSession *
load_sample (const char *name)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("CG_SOURCE_ROOT"), "data", "samples", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GError) error = NULL;
  CgSession *s;

  if (!g_file_get_contents (path, &data, &length, &error))
    fail_msg ("%s", error->message);
  s = cg_session_xml_load_data (data, length, name, &error);
  if (s == NULL)
    fail_msg ("%s", error->message);
  return s;
}

/* The bundled Riverside sample (issue 18): five statements the room agrees
 * are not true read "Agreed: not yet", not "Agreed". Worked from the file:
 * "tell her story once" 1,1,1,2,2,2 (median 1.5); "agreed milestones"
 * 2,2,2,2,2,3 (median 2); "who is accountable" 2,2,2,3,3,3 (median 2.5);
 * "young carer" 2,2,2,3 and "action slips" 2,2,3 (median 2), don't know
 * left out. None has a 4 or 5. */
static void
test_riverside_agreed_not_yet (void **state)
{
  g_autoptr (CgSession) s = load_sample ("riverside-family.commonground");
  static const char *const expected[] = {
    "Joanne will only need to tell her story once.",
    "We have agreed milestones for the family's plan, with dates.",
    "It is clear who is accountable for each action in the plan.",
    "Liam's own needs as a young carer are being heard.",
    "If an action slips, someone will notice within a week.",
  };
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (s, 0);
  guint found = 0;

  assert_int_equal (missing->len, G_N_ELEMENTS (expected));
  for (guint i = 0; i < missing->len; i++)
    {
      guint id = g_array_index (missing, guint, i);
      const CgItem *item = cg_session_lookup_item (s, id);
      g_autoptr (CgItemStats) st = cg_analysis_item (s, id);

      assert_string_equal (cg_item_stats_label (st), "Agreed: not yet");
      assert_int_equal (st->direction, CG_DIRECTION_NOT_TRUE);
      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        found += g_strcmp0 (item->text, expected[k]) == 0;
    }
  assert_int_equal (found, G_N_ELEMENTS (expected));
}

static const CgGroupMean *
group_at (const CgGroupStats *st,
          guint               i)
{
  return &g_array_index (st->groups, CgGroupMean, i);
}

/* Issue 18's worked example: {Health: 4,5; Council: 2,1; Charity: 3}.
 * Health mean 4.5 (n 2), Council 1.5 (n 2), Charity 3 (n 1, one partner).
 * The gap is 4.5 - 1.5 = 3.0 between Health and Council, both with 2
 * answers: flagged. Fay has no group and answers 5: left out (with her the
 * "Health" mean would not change, but a group-less 5 must not become a
 * group). Dee writes " health" and still joins Health. */
static void
test_group_gap_worked (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  const char *groups[] = { "Health", "Council", "Council", " health", "Charity", "" };
  const CgRating r[] = { 4, 2, 1, 5, 3, 5 };
  guint item = cg_session_add_statement (s, 0, "We share a clear purpose.");
  g_autoptr (CgGroupStats) st = NULL;
  g_autoptr (GPtrArray) group_names = NULL;

  for (guint i = 0; i < 6; i++)
    {
      guint id = cg_session_add_partner (s, names[i], "Org", "Role");

      cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, groups[i]);
      cg_session_set_rating (s, id, item, r[i]);
    }
  st = cg_analysis_item_groups (s, item);
  assert_int_equal (st->groups->len, 3);
  assert_string_equal (group_at (st, 0)->name, "Health");
  assert_int_equal (group_at (st, 0)->n, 2);
  assert_int_equal (group_at (st, 0)->n_partners, 2);
  assert_near (group_at (st, 0)->mean, 4.5);
  assert_string_equal (group_at (st, 1)->name, "Council");
  assert_int_equal (group_at (st, 1)->n, 2);
  assert_near (group_at (st, 1)->mean, 1.5);
  assert_string_equal (group_at (st, 2)->name, "Charity");
  assert_int_equal (group_at (st, 2)->n, 1);
  assert_int_equal (group_at (st, 2)->n_partners, 1); /* marked "(one partner)" */
  assert_near (group_at (st, 2)->mean, 3.0);
  assert_true (st->has_gap);
  assert_near (st->gap, 3.0);
  assert_int_equal (st->high, 0);
  assert_int_equal (st->low, 1);
  assert_true (st->flagged);

  group_names = cg_analysis_group_names (s);
  assert_int_equal (group_names->len, 3);
  assert_string_equal (g_ptr_array_index (group_names, 2), "Charity");
}

/* The flag's edges. {A: 4,4; B: 2}: gap 2 but B has one answer: not
 * flagged. {A: 5; B: 1, don't know}: gap 4, one answer each: not flagged.
 * One group only: no gap at all. {A: 4,4; B: 2,3,3}: 4 - 8/3 = 1.333, not
 * flagged; B's third at 2: 4 - 7/3 = 1.667, flagged. {A: 4,4; B: 2,3}:
 * exactly 1.5, flagged. */
static void
test_group_gap_edges (void **state)
{
  struct
  {
    const char *groups[3];
    CgRating r[3];
    gboolean has_gap;
    double gap;
    gboolean flagged;
  } cases[] = {
    { { "A", "A", "B" }, { 4, 4, 2 }, TRUE, 2.0, FALSE },
    { { "A", "B", "B" }, { 5, 1, CG_RATING_DONT_KNOW }, TRUE, 4.0, FALSE },
    { { "A", "A", "A" }, { 1, 5, 3 }, FALSE, NAN, FALSE },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr (CgSession) s = cg_session_new ();
      guint item = cg_session_add_statement (s, 0, "x");
      g_autoptr (CgGroupStats) st = NULL;

      for (guint i = 0; i < 3; i++)
        {
          guint id = cg_session_add_partner (s, names[i], "Org", "Role");

          cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, cases[c].groups[i]);
          cg_session_set_rating (s, id, item, cases[c].r[i]);
        }
      st = cg_analysis_item_groups (s, item);
      assert_int_equal (st->has_gap, cases[c].has_gap);
      if (cases[c].has_gap)
        assert_near (st->gap, cases[c].gap);
      else
        assert_true (isnan (st->gap));
      assert_int_equal (st->flagged, cases[c].flagged);
    }

  {
    g_autoptr (CgSession) s = cg_session_new ();
    guint item = cg_session_add_statement (s, 0, "x");
    const char *groups[] = { "A", "A", "B", "B", "B" };
    const CgRating r15[] = { 4, 4, 2, 3, 3 };
    g_autoptr (CgGroupStats) st = NULL;

    for (guint i = 0; i < 5; i++)
      {
        guint id = cg_session_add_partner (s, names[i], "Org", "Role");

        cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, groups[i]);
        cg_session_set_rating (s, id, item, r15[i]);
      }
    st = cg_analysis_item_groups (s, item);
    assert_near (st->gap, 4.0 - 8.0 / 3.0);
    assert_false (st->flagged);
    g_clear_pointer (&st, cg_group_stats_free);
    cg_session_set_rating (s, cg_session_get_partner (s, 4)->id, item, 2);
    st = cg_analysis_item_groups (s, item);
    assert_near (st->gap, 4.0 - 7.0 / 3.0);
    assert_true (st->flagged);
  }

  {
    g_autoptr (CgSession) s = cg_session_new ();
    guint item = cg_session_add_statement (s, 0, "x");
    const char *groups[] = { "A", "A", "B", "B" };
    const CgRating r[] = { 4, 4, 2, 3 };
    g_autoptr (CgGroupStats) st = NULL;

    /* Exactly 1.5: 4 - 2.5. */
    for (guint i = 0; i < 4; i++)
      {
        guint id = cg_session_add_partner (s, names[i], "Org", "Role");

        cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, groups[i]);
        cg_session_set_rating (s, id, item, r[i]);
      }
    st = cg_analysis_item_groups (s, item);
    assert_near (st->gap, 1.5);
    assert_true (st->flagged);
  }
}

/* A lesson's group mean is over all of the group's answers in it: lesson 1
 * with two statements, Health answering 4,5 and 5,5 (mean 19/4 = 4.75),
 * Council 2,1 and 2,- (mean 5/3 = 1.667): gap 3.083, flagged. Per item,
 * statement one {Health 4,5; Council 2,1} has a flagged gap of 3.0;
 * statement two {Health 5,5; Council 2} a gap of 3.0 that one Council
 * answer carries: not flagged, so not among the divides. */
static void
test_group_lesson_and_divides (void **state)
{
  g_autoptr (CgSession) s = cg_session_new ();
  guint s1 = cg_session_add_statement (s, 0, "One");
  guint s2 = cg_session_add_statement (s, 0, "Two");
  const char *groups[] = { "Health", "Health", "Council", "Council" };
  const CgRating r1[] = { 4, 5, 2, 1 }, r2[] = { 5, 5, 2, CG_RATING_NONE };
  g_autoptr (CgGroupStats) lesson = NULL;
  g_autoptr (GArray) divides = NULL;

  for (guint i = 0; i < 4; i++)
    {
      guint id = cg_session_add_partner (s, names[i], "Org", "Role");

      cg_session_set_partner_field (s, id, CG_PARTNER_GROUP, groups[i]);
      cg_session_set_rating (s, id, s1, r1[i]);
      if (r2[i] != CG_RATING_NONE)
        cg_session_set_rating (s, id, s2, r2[i]);
    }
  lesson = cg_analysis_lesson_groups (s, 0);
  assert_int_equal (group_at (lesson, 0)->n, 4);
  assert_near (group_at (lesson, 0)->mean, 4.75);
  assert_int_equal (group_at (lesson, 1)->n, 3);
  assert_near (group_at (lesson, 1)->mean, 5.0 / 3.0);
  assert_near (lesson->gap, 4.75 - 5.0 / 3.0);
  assert_true (lesson->flagged);

  divides = cg_analysis_group_divides (s, 0);
  assert_int_equal (divides->len, 1);
  assert_int_equal (g_array_index (divides, guint, 0), s1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_all_equal_is_unanimous),
    cmocka_unit_test (test_split_ends_is_zero),
    cmocka_unit_test (test_four_five),
    cmocka_unit_test (test_one_three_five),
    cmocka_unit_test (test_consensus_helper_edges),
    cmocka_unit_test (test_lone_dissenter),
    cmocka_unit_test (test_spread_even_set),
    cmocka_unit_test (test_spread_six),
    cmocka_unit_test (test_partly_agreed),
    cmocka_unit_test (test_low_side_dissenters),
    cmocka_unit_test (test_dont_know_excluded_and_counted),
    cmocka_unit_test (test_not_enough),
    cmocka_unit_test (test_unknown_item),
    cmocka_unit_test (test_level_strings),
    cmocka_unit_test (test_lesson_means),
    cmocka_unit_test_setup_teardown (test_task_clear, task_setup, task_teardown),
    cmocka_unit_test_setup_teardown (test_task_gap, task_setup, task_teardown),
    cmocka_unit_test_setup_teardown (test_task_overlap, task_setup, task_teardown),
    cmocka_unit_test_setup_teardown (test_task_no_doer, task_setup, task_teardown),
    cmocka_unit_test_setup_teardown (test_task_mismatch_different_names, task_setup, task_teardown),
    cmocka_unit_test_setup_teardown (test_task_mismatch_most_named_does_not_claim, task_setup,
                                     task_teardown),
    cmocka_unit_test_setup_teardown (test_tasks_led, task_setup, task_teardown),
    cmocka_unit_test (test_talk_first_order),
    cmocka_unit_test (test_aim_statistics),
    cmocka_unit_test (test_review_order),
    cmocka_unit_test (test_direction_boundaries),
    cmocka_unit_test (test_agreed_missing),
    cmocka_unit_test (test_riverside_agreed_not_yet),
    cmocka_unit_test (test_group_gap_worked),
    cmocka_unit_test (test_group_gap_edges),
    cmocka_unit_test (test_group_lesson_and_divides),
  };
  return cmocka_run_group_tests (tests, NULL, NULL);
}
