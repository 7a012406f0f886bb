/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-analysis.h: agreement and divergence, as PRODUCT.md defines them.
 *
 * Everything here is computed from a CgSession on demand; nothing is cached
 * in the session. The same numbers feed the screen, the reports and the
 * command line.
 *
 * Choices the product text leaves open:
 * - Only 1-5 answers enter the statistics. Don't-know and missing answers
 *   are counted apart (n_dont_know, n_missing) and change nothing else.
 * - Quartiles and the median use linear interpolation between order
 *   statistics, type 7 in Hyndman & Fan (R's default, Excel's
 *   QUARTILE.INC): h = (n - 1) p, q = x[floor h] + frac(h) (x[floor h + 1] - x[floor h]),
 *   x sorted ascending from index 0. {1,2,4,5}: q1 = 1.75, median 3, q3 = 4.25.
 * - Consensus is Tastle & Wierman (2007) with d = 4, the width of the 1-5
 *   scale: {4,5} gives 0.807, {1,5} gives 0, unanimity 1.
 * - Dissenters are the partners on the other side of neutral (3) from the
 *   median: answers 4-5 when the median is below 3, 1-2 when above. With
 *   the median exactly 3 the room has not leaned either way: no dissenters.
 * - Levels are tested in this order: not enough (n < 2); divergent
 *   (consensus < 0.60, or a 1-2 answer beside a 4-5 answer); agreed
 *   (consensus >= 0.80 and no dissenter); partly agreed.
 * - Task flags follow the answers literally: a task nobody has answered yet
 *   is a gap with no doer, since nobody owns it yet. "Most named" counts
 *   every partner's belief, including a partner naming itself.
 */
#pragma once

#include <glib.h>
#include "cg-session.h"

G_BEGIN_DECLS

typedef enum {
  CG_LEVEL_NOT_ENOUGH, /* fewer than 2 partners gave a 1-5 answer */
  CG_LEVEL_DIVERGENT,
  CG_LEVEL_PARTLY_AGREED,
  CG_LEVEL_AGREED,
} CgLevel;

const char *cg_level_to_string (
  CgLevel level); /* "agreed", "partly-agreed", "divergent", "not-enough" */
const char *cg_level_to_label (CgLevel level); /* translated: "Agreed", "Partly agreed", ... */

/* The side of neutral (3) an item's median is on, as for dissenters. */
typedef enum {
  CG_DIRECTION_NONE,     /* nobody gave a 1-5 answer: no median */
  CG_DIRECTION_NOT_TRUE, /* median below 3 */
  CG_DIRECTION_NEUTRAL,  /* median exactly 3 */
  CG_DIRECTION_TRUE,     /* median above 3 */
} CgDirection;

const char *cg_direction_to_string (
  CgDirection direction); /* "true", "not-true", "neutral"; NULL for none */
const char *cg_direction_to_label (
  CgDirection direction); /* translated: "True", "Not true", "Neutral", "" */

typedef struct
{
  guint item_id;
  CgItemKind kind;
  guint n; /* partners who gave a 1-5 answer */
  guint n_dont_know;
  guint n_missing;                 /* partners with no answer at all */
  guint counts[CG_RATING_MAX + 1]; /* counts[1..5]; counts[0] unused */
  double mean, median, min, max;
  double sd; /* sample standard deviation (n - 1); NAN when n < 2 */
  double q1, q3, iqr;
  double consensus; /* Tastle-Wierman; NAN when n == 0 */
  CgLevel level;
  CgDirection direction;
  gboolean indicative; /* n < 5: spread statistics are indicative only */
  GArray *dissenters;  /* guint partner ids, in partner order */
} CgItemStats;

/* NULL if @item_id is unknown. Free with cg_item_stats_free(). */
CgItemStats *cg_analysis_item (CgSession *session, guint item_id);
void cg_item_stats_free (CgItemStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgItemStats, cg_item_stats_free)

/* Agreed, and agreed the wrong way: a statement the room agrees is not
 * true (an area for development) or an aim it agrees is unimportant. */
gboolean cg_item_stats_agreed_not_true (const CgItemStats *stats);
/* The words an item's badge carries everywhere: the level's label, except
 * "Agreed: not yet" for a statement and "Agreed: not a priority" for an
 * aim when cg_item_stats_agreed_not_true(). Translated. */
const char *cg_item_stats_label (const CgItemStats *stats);

/* Pure helpers on a list of 1-5 values (exposed for tests and fuzzing). */
double cg_analysis_consensus (const guint counts[CG_RATING_MAX + 1]);

typedef struct
{
  guint lesson;
  double group_mean;     /* mean of all 1-5 answers to the lesson's statements; NAN if none */
  GArray *partner_means; /* double per partner, in partner order; NAN when none */
} CgLessonStats;

CgLessonStats *cg_analysis_lesson (CgSession *session, guint lesson);
void cg_lesson_stats_free (CgLessonStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgLessonStats, cg_lesson_stats_free)

typedef struct
{
  guint task_id;
  GArray *accountable; /* guint partner ids claiming A, in partner order */
  GArray *responsible; /* guint partner ids claiming R */
  guint most_named;    /* partner most often named as Accountable (by any partner,
                          * itself included); 0 if none named or tie */
  gboolean gap;        /* nobody claims Accountable */
  gboolean overlap;    /* more than one claims Accountable */
  gboolean no_doer;    /* nobody claims Responsible */
  gboolean mismatch;   /* partners name different Accountables, or most_named does not claim A */
  guint n_answered;    /* partners whose own involvement is set */
} CgTaskStats;

CgTaskStats *cg_analysis_task (CgSession *session, guint task_id);
void cg_task_stats_free (CgTaskStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgTaskStats, cg_task_stats_free)
gboolean cg_task_stats_is_clear (const CgTaskStats *stats); /* no flag raised */

/* Groups: partners carry an optional group (sector or profession). Groups
 * are told apart by their text, ignoring case and surrounding spaces; the
 * first spelling met names the group. Partners without a group are left
 * out of everything below.
 *
 * A group's mean is over all of its partners' 1-5 answers (to one item, or
 * to every statement of a lesson, as the lesson's group mean is). The gap
 * is the largest difference between two groups' means among the groups
 * with at least one answer: the highest mean against the lowest (ties: the
 * group met first). It is flagged when it is at least 1.5 points and each
 * of those two groups gave 2 or more answers; a difference carried by one
 * answer is too easily one person's view. A group with a single partner is
 * that person's answer: views say so ("one partner"). */
#define CG_GROUP_GAP_FLAG 1.5
#define CG_GROUP_GAP_MIN_ANSWERS 2

typedef struct
{
  char *name;       /* as first spelt */
  guint n_partners; /* partners in the group */
  guint n;          /* their 1-5 answers counted */
  double mean;      /* NAN when n == 0 */
} CgGroupMean;

typedef struct
{
  GArray *groups;   /* CgGroupMean, every group with a partner, in the order of
                      * the partners first in each group */
  gboolean has_gap; /* at least two groups answered */
  double gap;       /* high mean - low mean; NAN without a gap */
  guint high, low;  /* indexes into groups */
  gboolean flagged;
} CgGroupStats;

/* The groups of the session's partners, in partner order, each once. */
GPtrArray *cg_analysis_group_names (CgSession *session); /* of char *, owned */
CgGroupStats *cg_analysis_item_groups (CgSession *session, guint item_id);
CgGroupStats *cg_analysis_lesson_groups (CgSession *session, guint lesson);
void cg_group_stats_free (CgGroupStats *stats);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgGroupStats, cg_group_stats_free)

/* Rated item ids (statements by lesson, then aims) whose group gap is
 * flagged, widest gap first, ties in session order; cut at @max (0 = no
 * limit). Hidden answers are the caller's to leave out. */
GArray *cg_analysis_group_divides (CgSession *session, guint max);

/* Number of tasks for which @partner_id claims Accountable. */
guint cg_analysis_tasks_led (CgSession *session, guint partner_id);

/* "Talk about these first": rated item ids (statements and aims) at level
 * divergent, most divergent (lowest consensus) first, then ids of tasks with
 * any flag. Each array is cut at @max entries (0 = no limit). */
void cg_analysis_talk_first (CgSession *session, guint max, GArray **item_ids, GArray **task_ids);

/* "What we agree is missing": ids of the statements (not aims) the room
 * agrees are not true, lowest mean first, ties in session order; cut at
 * @max (0 = no limit). Like cg_analysis_talk_first(), hidden answers are
 * the caller's to leave out. */
GArray *cg_analysis_agreed_missing (CgSession *session, guint max);

/* Ids of the rated items (statements by lesson, then aims) whose answers
 * are visible (cg_session_answers_visible() of the item's stage), in the
 * order the Review stage and the report show their dot strips: divergent
 * first, then partly agreed, not enough answers, agreed but not true
 * ("Agreed: not yet", a finding), agreed; within each the
 * lowest consensus first (no consensus last); ties keep the session's
 * order. Hidden items are left out here, not by each caller, so no view
 * can leak them by forgetting to. */
GArray *cg_analysis_review_order (CgSession *session);

G_END_DECLS
