/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-internal.h: shared by cg-session.c and cg-session-ops.c only. */
#pragma once

#include "cg-session-private.h"

G_BEGIN_DECLS

typedef struct
{
  CgPartner pub;                /* first, so a CgPartnerData* is a CgPartner* */
  GHashTable *ratings;          /* item id -> CgRating */
  GHashTable *involvement;      /* task id -> CgInvolvement */
  GHashTable *believed;         /* task id -> partner id */
  char *comments[CG_N_LESSONS]; /* NULL when empty */
} CgPartnerData;

typedef struct _CgOp CgOp;

typedef struct
{
  GPtrArray *ops; /* CgOp*, applied in order */
  gint64 time;    /* when last extended, for merging typing */
  char *label;    /* for people ("Answer from Helen Carter"); NULL = unnamed */
} CgCommand;

struct _CgSession
{
  GObject parent_instance;

  /* Document */
  char *details[CG_N_DETAILS];
  gboolean answers_hidden;
  gboolean revealed[CG_N_STAGES];
  CgStage current_stage;
  GPtrArray *partners; /* CgPartnerData*, owned */
  guint partner_hint;  /* where the last partner looked up was */
  char *lesson_intro[CG_N_LESSONS];
  char **lesson_prompts[CG_N_LESSONS];
  GPtrArray *statements[CG_N_LESSONS]; /* CgItem*, borrowed from items_by_id */
  GPtrArray *aims;                     /* CgItem*, borrowed from items_by_id */
  GHashTable *items_by_id;             /* id -> CgItem*, owned */
  GPtrArray *tasks;                    /* CgTask*, owned */
  char *charter[CG_N_CHARTER_FIELDS];  /* NULL = not written */
  char **role_suggestions;
  CgBaseline *baseline; /* NULL: not a later round */
  guint next_id;

  /* History */
  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  CgCommand *group;
  guint group_depth;
  int clean_depth;      /* undo depth at the last save; -1 = unreachable */
  gboolean extra_dirty; /* saved state changed outside the history (reveal) */
  gboolean recording;   /* FALSE while a loader builds the session */
  /* Undo fence (cg_session_set_undo_fence()): the stacks' depths below
   * which undo and redo may not reach while it is up. */
  gboolean fenced;
  guint fence_undo;
  guint fence_redo;

  /* Owned */
  GFile *file;
  char *etag;
};

typedef enum {
  CG_OP_INSERT,
  CG_OP_REMOVE
} CgOpDirection;

typedef enum {
  CG_TEXT_DETAIL,  /* a = CgDetail */
  CG_TEXT_PARTNER, /* a = partner id, b = CgPartnerField */
  CG_TEXT_ITEM,    /* a = item id */
  CG_TEXT_TASK,    /* a = task id */
  CG_TEXT_COMMENT, /* a = partner id, b = lesson */
  CG_TEXT_INTRO,   /* a = lesson */
  CG_TEXT_CHARTER, /* a = CgCharterField; NULL allowed */
} CgTextTarget;

typedef enum {
  CG_INT_HIDDEN,
  CG_INT_RATING,              /* a = partner, b = item */
  CG_INT_INVOLVEMENT,         /* a = partner, b = task */
  CG_INT_BELIEVED,            /* a = partner, b = task */
  CG_INT_AGREED,              /* a = item */
  CG_INT_CHARTER_ACCOUNTABLE, /* a = task */
} CgIntTarget;

typedef enum {
  CG_STRV_PROMPTS,
  CG_STRV_ROLES
} CgStrvTarget;
typedef enum {
  CG_MOVE_PARTNER,
  CG_MOVE_STATEMENT,
  CG_MOVE_AIM,
  CG_MOVE_TASK
} CgMoveTarget;

CgPartnerData *cg_partner_data_new (
  guint id, const char *name, const char *organisation, const char *role, const char *colour);
void cg_partner_data_free (CgPartnerData *p);
CgItem *cg_item_new (guint id, CgItemKind kind, guint lesson, const char *text, gboolean agreed);
void cg_item_free (CgItem *item);
CgTask *cg_task_new (guint id, const char *text, guint charter_accountable);
void cg_task_free (CgTask *task);

CgPartnerData *cg_session_partner_data (CgSession *self, guint id);
GPtrArray *cg_session_item_list (CgSession *self, const CgItem *item);
void cg_session_emit (CgSession *self, CgChangeKind kind, guint a, guint b);
void cg_session_notify_state (CgSession *self,
                              gboolean was_modified,
                              gboolean could_undo,
                              gboolean could_redo);

void cg_command_free (CgCommand *command);
/* Entity ops: for INSERT the op owns @data until applied; for REMOVE pass
 * NULL: the op takes the entity out of the session when applied. */
CgOp *cg_op_new_partner (CgOpDirection dir, CgPartnerData *data, guint position);
CgOp *cg_op_new_item (CgOpDirection dir, CgItem *data, guint position);
CgOp *cg_op_new_task (CgOpDirection dir, CgTask *data, guint position);

/* Make an edit: apply it, record it for undo, notify. Values equal to the
 * current ones are ignored. */
void cg_session_do_text (CgSession *self, CgTextTarget target, guint a, guint b, const char *text);
void cg_session_do_int (CgSession *self, CgIntTarget target, guint a, guint b, guint value);
void cg_session_do_strv (CgSession *self, CgStrvTarget target, guint a, const char *const *strv);
void cg_session_do_move (CgSession *self, CgMoveTarget target, guint lesson, guint from, guint to);
void cg_session_do_insert (CgSession *self, CgOp *op);
void cg_session_do_remove (CgSession *self, CgOp *op);
/* For loaders: apply an insert without history; frees the op if asked. */
void cg_session_apply_insert (CgSession *self, CgOp *op, gboolean free_op);
/* Clears every answer and comment @p gave, as recorded edits. */
void cg_session_clear_partner_answers (CgSession *self, CgPartnerData *p);

G_END_DECLS
