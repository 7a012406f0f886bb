/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-analysis.c: agreement and divergence (see cg-analysis.h for the rules).
 *
 * Only 1-5 answers enter the statistics; don't-know and missing answers are
 * counted apart. Everything is recomputed from the session on each call:
 * a workshop has a dozen partners and a few dozen items, so caching would
 * buy nothing and could go stale.
 */
#define G_LOG_DOMAIN "cg-analysis"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-analysis.h"

#define NEUTRAL 3.0
#define SCALE_WIDTH ((double) (CG_RATING_MAX - CG_RATING_1))
#define AGREED_CONSENSUS 0.80
#define DIVERGENT_CONSENSUS 0.60
#define INDICATIVE_BELOW 5

const char *
cg_level_to_string (CgLevel level)
{
  switch (level)
    {
    case CG_LEVEL_NOT_ENOUGH: return "not-enough";
    case CG_LEVEL_DIVERGENT: return "divergent";
    case CG_LEVEL_PARTLY_AGREED: return "partly-agreed";
    case CG_LEVEL_AGREED: return "agreed";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
cg_level_to_label (CgLevel level)
{
  switch (level)
    {
    case CG_LEVEL_NOT_ENOUGH: return _("Not enough answers");
    case CG_LEVEL_DIVERGENT: return _("Divergent");
    case CG_LEVEL_PARTLY_AGREED: return _("Partly agreed");
    /* TRANSLATORS: the room agrees on an item; not the "Agreed" tick of an aim */
    case CG_LEVEL_AGREED: return C_("level of agreement", "Agreed");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
cg_direction_to_string (CgDirection direction)
{
  switch (direction)
    {
    case CG_DIRECTION_NOT_TRUE: return "not-true";
    case CG_DIRECTION_NEUTRAL: return "neutral";
    case CG_DIRECTION_TRUE: return "true";
    case CG_DIRECTION_NONE:
    default: return NULL;
    }
}

const char *
cg_direction_to_label (CgDirection direction)
{
  switch (direction)
    {
    /* TRANSLATORS: the side of neutral the room's median answer is on */
    case CG_DIRECTION_NOT_TRUE: return C_("direction", "Not true");
    case CG_DIRECTION_NEUTRAL: return C_("direction", "Neutral");
    case CG_DIRECTION_TRUE: return C_("direction", "True");
    case CG_DIRECTION_NONE:
    default: return "";
    }
}

gboolean
cg_item_stats_agreed_not_true (const CgItemStats *stats)
{
  g_return_val_if_fail (stats != NULL, FALSE);
  return stats->level == CG_LEVEL_AGREED && stats->direction == CG_DIRECTION_NOT_TRUE;
}

const char *
cg_item_stats_label (const CgItemStats *stats)
{
  g_return_val_if_fail (stats != NULL, "");
  if (!cg_item_stats_agreed_not_true (stats))
    return cg_level_to_label (stats->level);
  /* TRANSLATORS: the room agrees the statement is not true (yet): an area
   * for development, not a success */
  if (stats->kind != CG_ITEM_AIM)
    return _("Agreed: not yet");
  /* TRANSLATORS: the room agrees this aim is unimportant */
  return _("Agreed: not a priority");
}

static CgDirection
direction_of (double median)
{
  if (isnan (median))
    return CG_DIRECTION_NONE;
  if (median < NEUTRAL)
    return CG_DIRECTION_NOT_TRUE;
  if (median > NEUTRAL)
    return CG_DIRECTION_TRUE;
  return CG_DIRECTION_NEUTRAL;
}

double
cg_analysis_consensus (const guint counts[CG_RATING_MAX + 1])
{
  double n = 0, sum = 0, mean, cns = 1.0;

  g_return_val_if_fail (counts != NULL, NAN);
  for (guint r = CG_RATING_1; r <= CG_RATING_MAX; r++)
    {
      n += counts[r];
      sum += (double) r * counts[r];
    }
  if (n == 0)
    return NAN;
  mean = sum / n;
  /* |r - mean| < SCALE_WIDTH whenever counts[r] > 0 (the mean cannot sit
   * at the far end while someone answered here), so the log is finite. */
  for (guint r = CG_RATING_1; r <= CG_RATING_MAX; r++)
    if (counts[r] > 0)
      cns += counts[r] / n * log2 (1.0 - fabs (r - mean) / SCALE_WIDTH);
  /* Exact answers (1 for unanimity, 0 for an even split of the ends) can
   * come out a rounding error away; keep the result in [0, 1]. */
  return CLAMP (cns, 0.0, 1.0);
}

/* Linear interpolation between order statistics (R's type 7, Excel's
 * QUARTILE.INC): h = (n - 1) p, q = x[floor h] + frac(h) (x[floor h + 1] - x[floor h]).
 * @sorted holds @n values in ascending order, n >= 1. */
static double
quantile (const double *sorted,
          guint         n,
          double        p)
{
  double h = (n - 1) * p;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

static void
item_stats_fill_spread (CgItemStats *st)
{
  g_autofree double *sorted = g_new (double, MAX (st->n, 1));
  double sum = 0, ss = 0;
  guint k = 0;

  for (guint r = CG_RATING_1; r <= CG_RATING_MAX; r++)
    for (guint c = 0; c < st->counts[r]; c++)
      {
        sorted[k++] = r;
        sum += r;
      }
  st->mean = sum / st->n;
  for (guint i = 0; i < st->n; i++)
    ss += (sorted[i] - st->mean) * (sorted[i] - st->mean);
  st->sd = st->n >= 2 ? sqrt (ss / (st->n - 1)) : NAN;
  st->min = sorted[0];
  st->max = sorted[st->n - 1];
  st->median = quantile (sorted, st->n, 0.5);
  st->q1 = quantile (sorted, st->n, 0.25);
  st->q3 = quantile (sorted, st->n, 0.75);
  st->iqr = st->q3 - st->q1;
}

/* On the other side of neutral from the median. With the median exactly
 * neutral nobody is: the room as a whole has not leaned either way. */
static gboolean
is_dissent (double   median,
            CgRating rating)
{
  if (median < NEUTRAL)
    return rating > NEUTRAL;
  if (median > NEUTRAL)
    return rating < NEUTRAL;
  return FALSE;
}

static CgLevel
item_level (const CgItemStats *st)
{
  gboolean low = st->counts[1] + st->counts[2] > 0;
  gboolean high = st->counts[4] + st->counts[5] > 0;

  if (st->n < 2)
    return CG_LEVEL_NOT_ENOUGH;
  /* Divergence wins: one partner at 1-2 and another at 4-5 is a
   * disagreement the room must see, however high the consensus. */
  if (st->consensus < DIVERGENT_CONSENSUS || (low && high))
    return CG_LEVEL_DIVERGENT;
  if (st->consensus >= AGREED_CONSENSUS && st->dissenters->len == 0)
    return CG_LEVEL_AGREED;
  return CG_LEVEL_PARTLY_AGREED;
}

static void
item_stats_count (CgSession   *session,
                  CgItemStats *st)
{
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      CgRating r = cg_session_get_rating (session, p->id, st->item_id);

      if (r == CG_RATING_NONE)
        st->n_missing++;
      else if (r == CG_RATING_DONT_KNOW)
        st->n_dont_know++;
      else
        {
          st->counts[r]++;
          st->n++;
        }
    }
}

static void
item_stats_find_dissenters (CgSession   *session,
                            CgItemStats *st)
{
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      CgRating r = cg_session_get_rating (session, p->id, st->item_id);

      if (r >= CG_RATING_1 && r <= CG_RATING_5 && is_dissent (st->median, r))
        g_array_append_val (st->dissenters, p->id);
    }
}

CgItemStats *
cg_analysis_item (CgSession *session,
                  guint      item_id)
{
  const CgItem *item;
  CgItemStats *st;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  item = cg_session_lookup_item (session, item_id);
  if (item == NULL)
    return NULL;

  st = g_new0 (CgItemStats, 1);
  st->item_id = item_id;
  st->kind = item->kind;
  st->direction = CG_DIRECTION_NONE;
  st->dissenters = g_array_new (FALSE, FALSE, sizeof (guint));
  item_stats_count (session, st);
  st->indicative = st->n < INDICATIVE_BELOW;
  if (st->n == 0)
    {
      st->mean = st->median = st->min = st->max = NAN;
      st->sd = st->q1 = st->q3 = st->iqr = st->consensus = NAN;
      st->level = CG_LEVEL_NOT_ENOUGH;
      return st;
    }
  item_stats_fill_spread (st);
  st->consensus = cg_analysis_consensus (st->counts);
  item_stats_find_dissenters (session, st);
  st->level = item_level (st);
  st->direction = direction_of (st->median);
  return st;
}

void
cg_item_stats_free (CgItemStats *stats)
{
  if (stats == NULL)
    return;
  g_array_unref (stats->dissenters);
  g_free (stats);
}

CgLessonStats *
cg_analysis_lesson (CgSession *session,
                    guint      lesson)
{
  CgLessonStats *st;
  guint n_partners, n_items, group_n = 0;
  double group_sum = 0;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);

  n_partners = cg_session_get_n_partners (session);
  n_items = cg_session_get_n_statements (session, lesson);
  st = g_new0 (CgLessonStats, 1);
  st->lesson = lesson;
  st->partner_means = g_array_sized_new (FALSE, FALSE, sizeof (double), n_partners);
  for (guint i = 0; i < n_partners; i++)
    {
      guint id = cg_session_get_partner (session, i)->id;
      double sum = 0, mean;
      guint n = 0;

      for (guint j = 0; j < n_items; j++)
        {
          CgRating r =
            cg_session_get_rating (session, id, cg_session_get_statement (session, lesson, j)->id);

          if (r >= CG_RATING_1 && r <= CG_RATING_5)
            {
              sum += r;
              n++;
            }
        }
      mean = n > 0 ? sum / n : NAN;
      g_array_append_val (st->partner_means, mean);
      group_sum += sum;
      group_n += n;
    }
  st->group_mean = group_n > 0 ? group_sum / group_n : NAN;
  return st;
}

void
cg_lesson_stats_free (CgLessonStats *stats)
{
  if (stats == NULL)
    return;
  g_array_unref (stats->partner_means);
  g_free (stats);
}

/* The partner named most often as Accountable, counting every partner's
 * belief (a partner may name itself); 0 when nobody is named or the top
 * is shared. Also tells whether different partners were named. */
static guint
most_named (CgSession *session,
            guint      task_id,
            gboolean  *several_named)
{
  g_autoptr (GHashTable) votes = g_hash_table_new (NULL, NULL);
  guint best = 0, best_votes = 0;
  gboolean tie = FALSE;

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      guint named = cg_session_get_believed_accountable (
        session, cg_session_get_partner (session, i)->id, task_id);
      guint v;

      if (named == 0)
        continue;
      v = GPOINTER_TO_UINT (g_hash_table_lookup (votes, GUINT_TO_POINTER (named))) + 1;
      g_hash_table_insert (votes, GUINT_TO_POINTER (named), GUINT_TO_POINTER (v));
      if (v > best_votes)
        {
          best = named;
          best_votes = v;
          tie = FALSE;
        }
      else if (v == best_votes && named != best)
        tie = TRUE;
    }
  *several_named = g_hash_table_size (votes) > 1;
  return tie ? 0 : best;
}

static void
task_stats_collect (CgSession   *session,
                    CgTaskStats *st)
{
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      guint id = cg_session_get_partner (session, i)->id;
      CgInvolvement inv = cg_session_get_involvement (session, id, st->task_id);

      if (inv != CG_INVOLVEMENT_UNSET)
        st->n_answered++;
      if (inv == CG_INVOLVEMENT_ACCOUNTABLE)
        g_array_append_val (st->accountable, id);
      else if (inv == CG_INVOLVEMENT_RESPONSIBLE)
        g_array_append_val (st->responsible, id);
    }
}

CgTaskStats *
cg_analysis_task (CgSession *session,
                  guint      task_id)
{
  CgTaskStats *st;
  gboolean several_named = FALSE;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  if (cg_session_lookup_task (session, task_id) == NULL)
    return NULL;

  st = g_new0 (CgTaskStats, 1);
  st->task_id = task_id;
  st->accountable = g_array_new (FALSE, FALSE, sizeof (guint));
  st->responsible = g_array_new (FALSE, FALSE, sizeof (guint));
  task_stats_collect (session, st);
  st->most_named = most_named (session, task_id, &several_named);
  st->gap = st->accountable->len == 0;
  st->overlap = st->accountable->len > 1;
  st->no_doer = st->responsible->len == 0;
  st->mismatch = several_named || (st->most_named != 0 &&
                                   cg_session_get_involvement (session, st->most_named, task_id) !=
                                     CG_INVOLVEMENT_ACCOUNTABLE);
  return st;
}

void
cg_task_stats_free (CgTaskStats *stats)
{
  if (stats == NULL)
    return;
  g_array_unref (stats->accountable);
  g_array_unref (stats->responsible);
  g_free (stats);
}

gboolean
cg_task_stats_is_clear (const CgTaskStats *stats)
{
  g_return_val_if_fail (stats != NULL, FALSE);
  return !stats->gap && !stats->overlap && !stats->no_doer && !stats->mismatch;
}

guint
cg_analysis_tasks_led (CgSession *session,
                       guint      partner_id)
{
  guint led = 0;

  g_return_val_if_fail (CG_IS_SESSION (session), 0);
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    if (cg_session_get_involvement (session, partner_id, cg_session_get_task (session, i)->id) ==
        CG_INVOLVEMENT_ACCOUNTABLE)
      led++;
  return led;
}

typedef struct
{
  guint id;
  guint order; /* position among all rated items: keeps ties in session order */
  double consensus;
} Ranked;

static int
ranked_compare (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->consensus != y->consensus)
    return x->consensus < y->consensus ? -1 : 1;
  return x->order < y->order ? -1 : (x->order > y->order);
}

static void
rank_item (CgSession    *session,
           const CgItem *item,
           GArray       *ranked)
{
  g_autoptr (CgItemStats) st = cg_analysis_item (session, item->id);
  Ranked r = { item->id, ranked->len, st->consensus };

  if (st->level == CG_LEVEL_DIVERGENT)
    g_array_append_val (ranked, r);
}

static GArray *
talk_first_items (CgSession *session,
                  guint      max)
{
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
      rank_item (session, cg_session_get_statement (session, l, i), ranked);
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    rank_item (session, cg_session_get_aim (session, i), ranked);
  g_array_sort (ranked, ranked_compare);
  for (guint i = 0; i < ranked->len && (max == 0 || i < max); i++)
    g_array_append_val (ids, g_array_index (ranked, Ranked, i).id);
  return ids;
}

static GArray *
talk_first_tasks (CgSession *session,
                  guint      max)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      guint id = cg_session_get_task (session, i)->id;
      g_autoptr (CgTaskStats) st = cg_analysis_task (session, id);

      if (max != 0 && ids->len >= max)
        break;
      if (!cg_task_stats_is_clear (st))
        g_array_append_val (ids, id);
    }
  return ids;
}

void
cg_analysis_talk_first (CgSession *session,
                        guint      max,
                        GArray   **item_ids,
                        GArray   **task_ids)
{
  g_return_if_fail (CG_IS_SESSION (session));

  if (item_ids != NULL)
    *item_ids = talk_first_items (session, max);
  if (task_ids != NULL)
    *task_ids = talk_first_tasks (session, max);
}

typedef struct
{
  guint id, position, rank;
  double consensus;
} ReviewOrder;

static guint
review_rank (const CgItemStats *st)
{
  switch (st->level)
    {
    case CG_LEVEL_DIVERGENT: return 0;
    case CG_LEVEL_PARTLY_AGREED: return 1;
    case CG_LEVEL_NOT_ENOUGH: return 2;
    case CG_LEVEL_AGREED:
    default: return cg_item_stats_agreed_not_true (st) ? 3 : 4;
    }
}

static int
compare_review_order (gconstpointer a,
                      gconstpointer b)
{
  const ReviewOrder *x = a, *y = b;
  /* No consensus (no answers) sorts after any real one. */
  double cx = isnan (x->consensus) ? 2.0 : x->consensus;
  double cy = isnan (y->consensus) ? 2.0 : y->consensus;

  if (x->rank != y->rank)
    return (int) x->rank - (int) y->rank;
  if (cx != cy)
    return cx < cy ? -1 : 1;
  return (int) x->position - (int) y->position;
}

static void
review_add (CgSession    *session,
            const CgItem *item,
            GArray       *order)
{
  CgStage stage = item->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (item->lesson);
  g_autoptr (CgItemStats) st = NULL;
  ReviewOrder o = { item->id, order->len, 0, 0.0 };

  if (!cg_session_answers_visible (session, stage))
    return;
  st = cg_analysis_item (session, item->id);
  o.rank = review_rank (st);
  o.consensus = st->consensus;
  g_array_append_val (order, o);
}

GArray *
cg_analysis_review_order (CgSession *session)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (ReviewOrder));
  GArray *out;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
      review_add (session, cg_session_get_statement (session, l, i), order);
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    review_add (session, cg_session_get_aim (session, i), order);
  g_array_sort (order, compare_review_order);
  out = g_array_sized_new (FALSE, FALSE, sizeof (guint), order->len);
  for (guint i = 0; i < order->len; i++)
    g_array_append_val (out, g_array_index (order, ReviewOrder, i).id);
  return out;
}

typedef struct
{
  guint id, position;
  double mean;
} Missing;

static int
compare_missing (gconstpointer a,
                 gconstpointer b)
{
  const Missing *x = a, *y = b;

  if (x->mean != y->mean)
    return x->mean < y->mean ? -1 : 1;
  return (int) x->position - (int) y->position;
}

GArray *
cg_analysis_agreed_missing (CgSession *session,
                            guint      max)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Missing));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CG_IS_SESSION (session), ids);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
      {
        guint id = cg_session_get_statement (session, l, i)->id;
        g_autoptr (CgItemStats) st = cg_analysis_item (session, id);
        Missing m = { id, found->len, st->mean };

        if (cg_item_stats_agreed_not_true (st))
          g_array_append_val (found, m);
      }
  g_array_sort (found, compare_missing);
  for (guint i = 0; i < found->len && (max == 0 || i < max); i++)
    g_array_append_val (ids, g_array_index (found, Missing, i).id);
  return ids;
}

/* Groups ------------------------------------------------------------------ */

/* The key a group is known by: its text folded for case, spaces trimmed.
 * NULL for a partner without a group. */
static char *
group_key (const CgPartner *partner)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (partner->group != NULL ? partner->group : ""));

  if (*trimmed == '\0')
    return NULL;
  return g_utf8_casefold (trimmed, -1);
}

static void
group_mean_clear (gpointer data)
{
  g_free (((CgGroupMean *) data)->name);
}

/* One CgGroupMean per group with a partner, and each partner's index into
 * it (-1 without a group) in @partner_group. */
static GArray *
groups_collect (CgSession *session,
                int       *partner_group)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (CgGroupMean));
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (groups, group_mean_clear);
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      char *key = group_key (p);
      gpointer found;

      partner_group[i] = -1;
      if (key == NULL)
        continue;
      if (g_hash_table_lookup_extended (index, key, NULL, &found))
        {
          partner_group[i] = GPOINTER_TO_INT (found);
          g_free (key);
        }
      else
        {
          CgGroupMean g = { g_strstrip (g_strdup (p->group)), 0, 0, NAN };

          partner_group[i] = groups->len;
          g_hash_table_insert (index, key, GINT_TO_POINTER (groups->len));
          g_array_append_val (groups, g);
        }
      g_array_index (groups, CgGroupMean, partner_group[i]).n_partners++;
    }
  return groups;
}

GPtrArray *
cg_analysis_group_names (CgSession *session)
{
  g_autofree int *partner_group = NULL;
  g_autoptr (GArray) groups = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CG_IS_SESSION (session), names);
  partner_group = g_new (int, MAX (cg_session_get_n_partners (session), 1));
  groups = groups_collect (session, partner_group);
  for (guint i = 0; i < groups->len; i++)
    g_ptr_array_add (names, g_strdup (g_array_index (groups, CgGroupMean, i).name));
  return names;
}

static void
group_stats_gap (CgGroupStats *st)
{
  int high = -1, low = -1;

  for (guint i = 0; i < st->groups->len; i++)
    {
      const CgGroupMean *g = &g_array_index (st->groups, CgGroupMean, i);

      if (g->n == 0)
        continue;
      if (high < 0 || g->mean > g_array_index (st->groups, CgGroupMean, high).mean)
        high = i;
      if (low < 0 || g->mean < g_array_index (st->groups, CgGroupMean, low).mean)
        low = i;
    }
  st->gap = NAN;
  /* Two groups answered when the highest and lowest differ as groups; with
   * equal means they may still be two groups: count them. */
  for (guint i = 0, answered = 0; i < st->groups->len; i++)
    if (g_array_index (st->groups, CgGroupMean, i).n > 0 && ++answered == 2)
      st->has_gap = TRUE;
  if (!st->has_gap)
    return;
  if (high == low)
    {
      /* Every answering group has the same mean: the gap is 0, between
       * the first two that answered. */
      for (guint i = 0; i < st->groups->len; i++)
        if (g_array_index (st->groups, CgGroupMean, i).n > 0 && (int) i != high)
          {
            low = i;
            break;
          }
    }
  st->high = high;
  st->low = low;
  st->gap = g_array_index (st->groups, CgGroupMean, high).mean -
            g_array_index (st->groups, CgGroupMean, low).mean;
  /* A rounding hair under 1.5 (4.5 - 3.0000000001) is still 1.5. */
  st->flagged = st->gap >= CG_GROUP_GAP_FLAG - 1e-9 &&
                g_array_index (st->groups, CgGroupMean, high).n >= CG_GROUP_GAP_MIN_ANSWERS &&
                g_array_index (st->groups, CgGroupMean, low).n >= CG_GROUP_GAP_MIN_ANSWERS;
}

/* Group means over the answers of every partner to @item_ids. */
static CgGroupStats *
group_stats_new (CgSession   *session,
                 const guint *item_ids,
                 guint        n_items)
{
  guint n_partners = cg_session_get_n_partners (session);
  g_autofree int *partner_group = g_new (int, MAX (n_partners, 1));
  g_autofree double *sums = NULL;
  CgGroupStats *st = g_new0 (CgGroupStats, 1);

  st->groups = groups_collect (session, partner_group);
  sums = g_new0 (double, MAX (st->groups->len, 1));
  for (guint i = 0; i < n_partners; i++)
    {
      guint id = cg_session_get_partner (session, i)->id;

      if (partner_group[i] < 0)
        continue;
      for (guint k = 0; k < n_items; k++)
        {
          CgRating r = cg_session_get_rating (session, id, item_ids[k]);

          if (r < CG_RATING_1 || r > CG_RATING_5)
            continue;
          sums[partner_group[i]] += r;
          g_array_index (st->groups, CgGroupMean, partner_group[i]).n++;
        }
    }
  for (guint g = 0; g < st->groups->len; g++)
    {
      CgGroupMean *gm = &g_array_index (st->groups, CgGroupMean, g);

      gm->mean = gm->n > 0 ? sums[g] / gm->n : NAN;
    }
  group_stats_gap (st);
  return st;
}

CgGroupStats *
cg_analysis_item_groups (CgSession *session,
                         guint      item_id)
{
  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  if (cg_session_lookup_item (session, item_id) == NULL)
    return NULL;
  return group_stats_new (session, &item_id, 1);
}

CgGroupStats *
cg_analysis_lesson_groups (CgSession *session,
                           guint      lesson)
{
  guint n;
  g_autofree guint *ids = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);
  n = cg_session_get_n_statements (session, lesson);
  ids = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    ids[i] = cg_session_get_statement (session, lesson, i)->id;
  return group_stats_new (session, ids, n);
}

void
cg_group_stats_free (CgGroupStats *stats)
{
  if (stats == NULL)
    return;
  g_array_unref (stats->groups);
  g_free (stats);
}

typedef struct
{
  guint id, position;
  double gap;
} Divide;

static int
compare_divides (gconstpointer a,
                 gconstpointer b)
{
  const Divide *x = a, *y = b;

  if (x->gap != y->gap)
    return x->gap > y->gap ? -1 : 1;
  return (int) x->position - (int) y->position;
}

static void
divide_add (CgSession    *session,
            const CgItem *item,
            GArray       *found)
{
  g_autoptr (CgGroupStats) st = cg_analysis_item_groups (session, item->id);
  Divide d = { item->id, found->len, st->gap };

  if (st->flagged)
    g_array_append_val (found, d);
}

GArray *
cg_analysis_group_divides (CgSession *session,
                           guint      max)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Divide));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CG_IS_SESSION (session), ids);
  for (guint l = 0; l < CG_N_LESSONS; l++)
    for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
      divide_add (session, cg_session_get_statement (session, l, i), found);
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    divide_add (session, cg_session_get_aim (session, i), found);
  g_array_sort (found, compare_divides);
  for (guint i = 0; i < found->len && (max == 0 || i < max); i++)
    g_array_append_val (ids, g_array_index (found, Divide, i).id);
  return ids;
}
