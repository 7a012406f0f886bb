/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-compare.h: since last time, what moved between two sessions.
 *
 * Rules the product text leaves open, decided here:
 * - Two sessions are related when the later one's baseline digest is the
 *   SHA-256 of the earlier file given, or when their ids agree: no id names
 *   different kinds of entity in the two, and at least half of the smaller
 *   session's items and tasks have their id in the other. Related sessions
 *   match items, tasks and partners by id first; whatever is left (and
 *   everything, for unrelated sessions) is matched by text: items and tasks
 *   by their text with case, spacing and punctuation ignored, partners by
 *   name. Each match says how it was made; the rest is listed unmatched.
 * - A side with fewer than 2 answers has no mean or consensus (NAN; null in
 *   JSON) and its level is "not enough answers"; then there is no change
 *   and no movement either (CG_MOVEMENT_UNKNOWN).
 * - Movement: a change in consensus of at least 0.10 either way; less is
 *   "unchanged". A change is indicative when either round has fewer than 5
 *   answers, as levels are.
 * - Per lesson, each session's own group mean (cg_analysis_lesson()) and
 *   the mean consensus of its own statements that have 2 or more answers.
 * - Per task, a side nobody has answered raises no flags for the
 *   comparison (it has not been asked yet), so nothing is resolved or new.
 * - Per partner, over the items both rounds have a 1-5 answer for: how many
 *   answers changed, and the mean absolute change over those items
 *   (unchanged answers count as 0).
 */
#pragma once

#include <gio/gio.h>
#include "cg-analysis.h"

G_BEGIN_DECLS

#define CG_MOVEMENT_THRESHOLD 0.10

typedef enum {
  CG_MOVEMENT_UNKNOWN, /* a side has fewer than 2 answers */
  CG_MOVEMENT_UNCHANGED,
  CG_MOVEMENT_TOWARDS_AGREEMENT,
  CG_MOVEMENT_APART,
} CgMovement;

const char *cg_movement_to_string (
  CgMovement movement); /* "towards-agreement", "apart", "unchanged"; NULL for unknown */
const char *cg_movement_to_label (CgMovement movement); /* translated */

typedef enum {
  CG_MATCH_ID,
  CG_MATCH_TEXT,
} CgMatch;

const char *cg_match_to_string (CgMatch match); /* "id", "text" */

typedef enum {
  CG_RELATION_NONE,   /* matched by text only */
  CG_RELATION_DIGEST, /* the later session's baseline is the earlier file */
  CG_RELATION_IDS,    /* the ids agree */
} CgRelation;

typedef enum {
  CG_BASELINE_NONE,      /* the later session has no baseline */
  CG_BASELINE_UNCHECKED, /* it has one, but no earlier file bytes were given */
  CG_BASELINE_MATCHES,
  CG_BASELINE_DIFFERS, /* the earlier file is not the one the round was made from (any more) */
} CgBaselineCheck;

typedef enum {
  CG_TASK_FLAG_GAP = 1 << 0,
  CG_TASK_FLAG_OVERLAP = 1 << 1,
  CG_TASK_FLAG_NO_DOER = 1 << 2,
  CG_TASK_FLAG_MISMATCH = 1 << 3,
} CgTaskFlags;
#define CG_N_TASK_FLAGS 4

const char *cg_task_flag_to_string (
  CgTaskFlags flag); /* one flag: "gap", "overlap", "no-doer", "mismatch" */
const char *cg_task_flag_to_label (CgTaskFlags flag); /* translated */
guint cg_task_stats_flags (const CgTaskStats *stats);

typedef struct
{
  guint n;          /* partners who gave a 1-5 answer */
  double mean;      /* NAN when n < 2 */
  double consensus; /* NAN when n < 2 */
  CgLevel level;
} CgSideStats;

typedef struct
{
  guint before_id, after_id;
  CgItemKind kind;
  guint lesson; /* the later session's */
  char *text;   /* the later session's */
  CgMatch match;
  CgSideStats before, after;
  double delta_mean, delta_consensus; /* NAN when a side has fewer than 2 answers */
  CgMovement movement;
  gboolean indicative; /* fewer than 5 answers in either round */
} CgItemChange;

typedef struct
{
  double before_mean, after_mean;           /* NAN when no answers */
  double before_consensus, after_consensus; /* NAN when no statement has 2 answers */
} CgLessonChange;

typedef struct
{
  guint before_id, after_id;
  char *text; /* the later session's */
  CgMatch match;
  gboolean before_answered, after_answered;
  guint before_flags, after_flags; /* CgTaskFlags; 0 when that side is unanswered */
  guint resolved, new_flags, still_open;
} CgTaskChange;

typedef struct
{
  guint before_id, after_id;
  char *name; /* the later session's */
  CgMatch match;
  guint n_compared; /* items with a 1-5 answer in both rounds */
  guint n_changed;
  double mean_abs_change; /* NAN when n_compared == 0 */
} CgPartnerChange;

/* Something only one side has. */
typedef struct
{
  gboolean in_before; /* TRUE: only in the earlier session */
  guint id;
  char prefix; /* 's', 'a', 't' or 'p', as in the file */
  char *text;  /* text, or a partner's name */
} CgUnmatched;

typedef struct
{
  CgRelation relation;
  CgBaselineCheck baseline_check;
  char *before_title, *before_date, *after_title, *after_date;
  GPtrArray *items; /* CgItemChange*, in the later session's order */
  CgLessonChange lessons[CG_N_LESSONS];
  GPtrArray *tasks;                                                  /* CgTaskChange* */
  GPtrArray *partners;                                               /* CgPartnerChange* */
  GPtrArray *unmatched_items, *unmatched_tasks, *unmatched_partners; /* CgUnmatched* */
} CgComparison;

/* @before_bytes: the earlier file's bytes, to check the later session's
 * baseline digest against (NULL: not checked). */
CgComparison *cg_compare_sessions (CgSession *before, GBytes *before_bytes, CgSession *after);
void cg_comparison_free (CgComparison *comparison);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgComparison, cg_comparison_free)

/* The items that moved (towards agreement or apart), largest change in
 * consensus first, at most @max (0 = all). Borrowed from @comparison. */
GPtrArray *cg_comparison_most_moved (CgComparison *comparison, guint max);
/* Task changes with something resolved, borrowed. */
GPtrArray *cg_comparison_resolved_tasks (CgComparison *comparison);

/* The earlier session a session is being compared with, for every view of
 * it (Review, report, charter): held on @session, not saved with it.
 * @earlier_bytes (may be NULL) are its file's bytes, for the digest check.
 * NULL @earlier forgets it. */
void cg_compare_set_earlier (CgSession *session, CgSession *earlier, GBytes *earlier_bytes);
CgSession *cg_compare_get_earlier (CgSession *session);
/* A fresh comparison of @session with its earlier session; NULL when none
 * is set. */
CgComparison *cg_compare_since (CgSession *session);

/* Text as matching sees it: case folded, punctuation dropped, spaces
 * collapsed to one and trimmed. */
char *cg_compare_normalise (const char *text);

G_END_DECLS
