/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-types.h: the small value types every floor shares.
 *
 * Entities (partners, statements, aims, tasks) are plain structs owned by a
 * CgSession and handed out as const pointers: read them freely, change them
 * only through cg_session_*() so that undo, the modified flag and the change
 * signals stay right.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CgSession CgSession;

#define CG_N_LESSONS 5
#define CG_RATING_MAX 5

/* A rating on the 5-point scale. NONE = not answered yet. */
typedef enum {
  CG_RATING_NONE = 0,
  CG_RATING_1 = 1, /* strongly disagree / not important */
  CG_RATING_2 = 2,
  CG_RATING_3 = 3, /* neutral */
  CG_RATING_4 = 4,
  CG_RATING_5 = 5, /* strongly agree / essential */
  CG_RATING_DONT_KNOW = 6,
} CgRating;

/* A partner's own involvement in a task. UNSET = not answered yet;
 * NONE = answered "not involved". */
typedef enum {
  CG_INVOLVEMENT_UNSET = 0,
  CG_INVOLVEMENT_NONE,
  CG_INVOLVEMENT_RESPONSIBLE,
  CG_INVOLVEMENT_ACCOUNTABLE,
  CG_INVOLVEMENT_CONSULTED,
  CG_INVOLVEMENT_INFORMED,
} CgInvolvement;

typedef enum {
  CG_ITEM_STATEMENT,
  CG_ITEM_AIM,
} CgItemKind;

/* The workshop's stages, in the order the facilitator walks them. */
typedef enum {
  CG_STAGE_SESSION,
  CG_STAGE_PARTNERS,
  CG_STAGE_LESSON_1,
  CG_STAGE_LESSON_2,
  CG_STAGE_LESSON_3,
  CG_STAGE_LESSON_4,
  CG_STAGE_LESSON_5,
  CG_STAGE_AIMS,
  CG_STAGE_ROLES,
  CG_STAGE_REVIEW,
  CG_STAGE_CHARTER,
  CG_N_STAGES
} CgStage;

#define CG_STAGE_IS_LESSON(s) ((s) >= CG_STAGE_LESSON_1 && (s) <= CG_STAGE_LESSON_5)
#define CG_STAGE_FOR_LESSON(l) ((CgStage) (CG_STAGE_LESSON_1 + (l)))
#define CG_LESSON_FOR_STAGE(s) ((guint) ((s) -CG_STAGE_LESSON_1))

/* Session detail fields (plain text). */
typedef enum {
  CG_DETAIL_TITLE,
  CG_DETAIL_DATE, /* ISO 8601 "YYYY-MM-DD", or empty */
  CG_DETAIL_FACILITATOR,
  CG_DETAIL_CONTEXT,  /* the partnership's context or case, multi-line */
  CG_DETAIL_SCENARIO, /* name of the template the session started from */
  CG_N_DETAILS
} CgDetail;

/* Charter text fields. A NULL value means "not written yet": the charter
 * layout then uses text generated from the session. */
typedef enum {
  CG_CHARTER_TITLE,
  CG_CHARTER_PURPOSE,
  CG_CHARTER_GROUND_RULES,
  CG_CHARTER_MEASURES, /* performance measures and milestones */
  CG_CHARTER_REVIEW_DATE,
  CG_CHARTER_LEARNING, /* review and learning arrangements */
  CG_CHARTER_STILL_TO_RESOLVE,
  CG_CHARTER_WORK_ON, /* "what we will work on": what the room agrees is missing; shown
                       * before "still to resolve" (last here so older values keep their
                       * numbers) */
  CG_N_CHARTER_FIELDS
} CgCharterField;

/* Partner fields (plain text). */
typedef enum {
  CG_PARTNER_NAME,
  CG_PARTNER_ORGANISATION,
  CG_PARTNER_ROLE,
  CG_PARTNER_COLOUR, /* "#rrggbb" */
  CG_PARTNER_GROUP,  /* sector or profession ("Health"); empty when none */
  CG_N_PARTNER_FIELDS
} CgPartnerField;

typedef struct
{
  guint id;
  char *name;
  char *organisation;
  char *role;
  char *colour; /* "#rrggbb", never NULL */
  char *group;  /* sector or profession the partner speaks for; "" when none, never NULL */
} CgPartner;

/* A rated item: a lesson statement or a candidate aim. */
typedef struct
{
  guint id;
  CgItemKind kind;
  guint lesson; /* 0..4 for statements; 0 for aims */
  char *text;
  gboolean agreed; /* aims: the facilitator marked it agreed */
} CgItem;

typedef struct
{
  guint id;
  char *text;
  /* The Accountable partner the facilitator settled for the charter;
   * 0 = not settled (the charter then follows the room). */
  guint charter_accountable;
} CgTask;

/* The earlier session a round was made from (New Round): what it was
 * called, its date, the file's name as it was then (base name, no folder)
 * and the SHA-256 of that file's bytes (64 lowercase hex digits), so that
 * a later comparison can tell whether the file has changed since. */
typedef struct
{
  char *title;
  char *date; /* "YYYY-MM-DD" or "" */
  char *file_name;
  char *sha256;
} CgBaseline;

CgBaseline *cg_baseline_new (const char *title,
                             const char *date,
                             const char *file_name,
                             const char *sha256);
CgBaseline *cg_baseline_copy (const CgBaseline *baseline);
void cg_baseline_free (CgBaseline *baseline);
gboolean cg_baseline_equal (const CgBaseline *a, const CgBaseline *b); /* NULL == NULL */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgBaseline, cg_baseline_free)
/* The SHA-256 of @bytes as 64 lowercase hex digits. */
char *cg_sha256_hex (GBytes *bytes);

/* What kind of change a CgSession::changed signal reports. The signal is
 * detailed: connect to "changed::rating" to hear only ratings. The nick of
 * each value is the detail. a and b say which entity changed. */
typedef enum {
  CG_CHANGE_DETAIL,          /* a = CgDetail */
  CG_CHANGE_OPTIONS,         /* answers hidden, reveal state; a = CgStage or 0 */
  CG_CHANGE_PARTNER_ADDED,   /* a = partner id, b = position */
  CG_CHANGE_PARTNER_REMOVED, /* a = partner id, b = old position */
  CG_CHANGE_PARTNER,         /* a = partner id, b = CgPartnerField */
  CG_CHANGE_PARTNERS_MOVED,  /* a = from, b = to */
  CG_CHANGE_ITEM_ADDED,      /* a = item id, b = position in its list */
  CG_CHANGE_ITEM_REMOVED,    /* a = item id, b = old position */
  CG_CHANGE_ITEM,            /* a = item id (text or agreed changed) */
  CG_CHANGE_ITEMS_MOVED,     /* a = item id moved, b = new position */
  CG_CHANGE_TASK_ADDED,      /* a = task id, b = position */
  CG_CHANGE_TASK_REMOVED,    /* a = task id, b = old position */
  CG_CHANGE_TASK,            /* a = task id (text or charter choice) */
  CG_CHANGE_TASKS_MOVED,     /* a = task id moved, b = new position */
  CG_CHANGE_RATING,          /* a = partner id, b = item id */
  CG_CHANGE_COMMENT,         /* a = partner id, b = lesson */
  CG_CHANGE_INVOLVEMENT,     /* a = partner id, b = task id (own RACI or believed Accountable) */
  CG_CHANGE_LESSON,          /* a = lesson (intro or prompts) */
  CG_CHANGE_CHARTER,         /* a = CgCharterField */
  CG_CHANGE_ROLE_SUGGESTIONS,
  CG_CHANGE_ALL, /* everything may have changed (load, undo of a bulk edit) */
} CgChangeKind;

GType cg_change_kind_get_type (void) G_GNUC_CONST;
#define CG_TYPE_CHANGE_KIND (cg_change_kind_get_type ())

const char *cg_change_kind_to_detail (CgChangeKind kind);

/* Names used in files and on the command line, and for people. */
const char *cg_stage_to_string (CgStage stage); /* "session", "lesson-1", ... */
gboolean cg_stage_from_string (const char *s, CgStage *out);
const char *cg_stage_get_title (CgStage stage);    /* translated, e.g. "Purpose and Leadership" */
const char *cg_lesson_get_title (guint lesson);    /* translated lesson title, lesson 0..4 */
const char *cg_rating_to_label (CgRating rating);  /* translated, "Agree (4)" */
const char *cg_rating_to_string (CgRating rating); /* "1".."5", "dont-know", "" */
gboolean cg_rating_from_string (const char *s, CgRating *out);
/* Whether one word of a name is an honorific ("Dr", "Cllr", translatable):
 * a shortened name or a partner's initials skip it, so "Dr Priya Nair"
 * shows as "Priya" and "PN", not "Dr" and "DP". */
gboolean cg_name_word_is_title (const char *word);
const char *cg_involvement_to_letter (
  CgInvolvement inv); /* "R", "A", "C", "I", "-" (none), "" (unset) */
const char *cg_involvement_to_label (CgInvolvement inv); /* translated, "Responsible" */
gboolean cg_involvement_from_letter (const char *s, CgInvolvement *out);

/* Text as it enters the model: valid UTF-8, only characters XML 1.0 can
 * carry (tab, LF, CR kept). Returns a new string; NULL in gives "". */
char *cg_text_clean (const char *text);

G_END_DECLS
