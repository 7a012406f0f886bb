/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session-ops.c: the invertible edits of a CgSession, and its history.
 *
 * An op holds both the old and the new value, so the same apply function
 * serves do, undo (backward) and redo (forward). Entity ops move ownership
 * of the entity between the op and the session.
 */
#define G_LOG_DOMAIN "cg-session"
#include "config.h"

#include <string.h>

#include "cg-session-internal.h"

/* Typing into one field within this many microseconds is one undo step. */
#define MERGE_WINDOW_US (2 * G_USEC_PER_SEC)

typedef enum {
  OP_TEXT,
  OP_INT,
  OP_STRV,
  OP_MOVE,
  OP_PARTNER,
  OP_ITEM,
  OP_TASK
} OpKind;

struct _CgOp
{
  OpKind kind;
  guint target;
  guint a, b;
  char *old_text, *new_text;
  guint old_int, new_int;
  char **old_strv, **new_strv;
  /* Entities */
  CgOpDirection dir;
  gpointer data; /* owned while the entity is out of the session */
  gboolean owned;
  guint position;
  guint to; /* moves: from = position */
};

static void
op_free (CgOp *op)
{
  g_free (op->old_text);
  g_free (op->new_text);
  g_strfreev (op->old_strv);
  g_strfreev (op->new_strv);
  if (op->owned)
    {
      if (op->kind == OP_PARTNER)
        cg_partner_data_free (op->data);
      else if (op->kind == OP_ITEM)
        cg_item_free (op->data);
      else if (op->kind == OP_TASK)
        cg_task_free (op->data);
    }
  g_free (op);
}

void
cg_command_free (CgCommand *command)
{
  if (command == NULL)
    return;
  g_ptr_array_unref (command->ops);
  g_free (command->label);
  g_free (command);
}

static CgCommand *
command_new (void)
{
  CgCommand *command = g_new0 (CgCommand, 1);

  command->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  command->time = g_get_monotonic_time ();
  return command;
}

static CgOp *
entity_op_new (OpKind        kind,
               CgOpDirection dir,
               gpointer      data,
               guint         position)
{
  CgOp *op = g_new0 (CgOp, 1);

  op->kind = kind;
  op->dir = dir;
  op->data = data;
  op->owned = data != NULL;
  op->position = position;
  return op;
}

CgOp *
cg_op_new_partner (CgOpDirection  dir,
                   CgPartnerData *data,
                   guint          position)
{
  return entity_op_new (OP_PARTNER, dir, data, position);
}

CgOp *
cg_op_new_item (CgOpDirection dir,
                CgItem       *data,
                guint         position)
{
  CgOp *op;

  /* A removal names its item only to find it; the session still owns it. */
  op = entity_op_new (OP_ITEM, dir, dir == CG_OP_INSERT ? data : NULL, position);
  op->a = data->id;
  return op;
}

CgOp *
cg_op_new_task (CgOpDirection dir,
                CgTask       *data,
                guint         position)
{
  return entity_op_new (OP_TASK, dir, data, position);
}

/* Text --------------------------------------------------------------------- */

static char **
text_slot (CgSession   *self,
           CgTextTarget target,
           guint        a,
           guint        b)
{
  CgPartnerData *p;
  CgItem *item;
  int pos;

  switch (target)
    {
    case CG_TEXT_DETAIL: return &self->details[a];
    case CG_TEXT_PARTNER:
      p = cg_session_partner_data (self, a);
      g_assert (p != NULL);
      switch ((CgPartnerField) b)
        {
        case CG_PARTNER_NAME: return &p->pub.name;
        case CG_PARTNER_ORGANISATION: return &p->pub.organisation;
        case CG_PARTNER_ROLE: return &p->pub.role;
        case CG_PARTNER_COLOUR: return &p->pub.colour;
        case CG_PARTNER_GROUP: return &p->pub.group;
        default: g_assert_not_reached ();
        }
    case CG_TEXT_ITEM:
      item = g_hash_table_lookup (self->items_by_id, GUINT_TO_POINTER (a));
      g_assert (item != NULL);
      return &item->text;
    case CG_TEXT_TASK:
      pos = cg_session_task_position (self, a);
      g_assert (pos >= 0);
      return &((CgTask *) g_ptr_array_index (self->tasks, pos))->text;
    case CG_TEXT_COMMENT:
      p = cg_session_partner_data (self, a);
      g_assert (p != NULL);
      return &p->comments[b];
    case CG_TEXT_INTRO: return &self->lesson_intro[a];
    case CG_TEXT_CHARTER: return &self->charter[a];
    default: g_assert_not_reached ();
    }
}

static void
text_emit (CgSession   *self,
           CgTextTarget target,
           guint        a,
           guint        b)
{
  static const CgChangeKind kinds[] = {
    [CG_TEXT_DETAIL] = CG_CHANGE_DETAIL,   [CG_TEXT_PARTNER] = CG_CHANGE_PARTNER,
    [CG_TEXT_ITEM] = CG_CHANGE_ITEM,       [CG_TEXT_TASK] = CG_CHANGE_TASK,
    [CG_TEXT_COMMENT] = CG_CHANGE_COMMENT, [CG_TEXT_INTRO] = CG_CHANGE_LESSON,
    [CG_TEXT_CHARTER] = CG_CHANGE_CHARTER,
  };

  cg_session_emit (self, kinds[target], a, b);
}

static void
apply_text (CgSession *self,
            CgOp      *op,
            gboolean   forward)
{
  char **slot = text_slot (self, op->target, op->a, op->b);

  g_free (*slot);
  *slot = g_strdup (forward ? op->new_text : op->old_text);
  text_emit (self, op->target, op->a, op->b);
}

/* Integers ------------------------------------------------------------------- */

static GHashTable *
answer_table (CgSession  *self,
              CgIntTarget target,
              guint       partner_id)
{
  CgPartnerData *p = cg_session_partner_data (self, partner_id);

  g_assert (p != NULL);
  if (target == CG_INT_RATING)
    return p->ratings;
  if (target == CG_INT_INVOLVEMENT)
    return p->involvement;
  return p->believed;
}

static guint
int_get (CgSession  *self,
         CgIntTarget target,
         guint       a,
         guint       b)
{
  switch (target)
    {
    case CG_INT_HIDDEN: return self->answers_hidden;
    case CG_INT_RATING:
    case CG_INT_INVOLVEMENT:
    case CG_INT_BELIEVED:
      return GPOINTER_TO_UINT (
        g_hash_table_lookup (answer_table (self, target, a), GUINT_TO_POINTER (b)));
    case CG_INT_AGREED:
      return ((CgItem *) g_hash_table_lookup (self->items_by_id, GUINT_TO_POINTER (a)))->agreed;
    case CG_INT_CHARTER_ACCOUNTABLE: return cg_session_lookup_task (self, a)->charter_accountable;
    default: g_assert_not_reached ();
    }
}

static void
int_set (CgSession  *self,
         CgIntTarget target,
         guint       a,
         guint       b,
         guint       v)
{
  GHashTable *table;

  switch (target)
    {
    case CG_INT_HIDDEN:
      self->answers_hidden = v;
      cg_session_emit (self, CG_CHANGE_OPTIONS, 0, 0);
      break;
    case CG_INT_RATING:
    case CG_INT_INVOLVEMENT:
    case CG_INT_BELIEVED:
      table = answer_table (self, target, a);
      if (v == 0)
        g_hash_table_remove (table, GUINT_TO_POINTER (b));
      else
        g_hash_table_insert (table, GUINT_TO_POINTER (b), GUINT_TO_POINTER (v));
      cg_session_emit (self, target == CG_INT_RATING ? CG_CHANGE_RATING : CG_CHANGE_INVOLVEMENT, a,
                       b);
      break;
    case CG_INT_AGREED:
      ((CgItem *) g_hash_table_lookup (self->items_by_id, GUINT_TO_POINTER (a)))->agreed = v;
      cg_session_emit (self, CG_CHANGE_ITEM, a, 0);
      break;
    case CG_INT_CHARTER_ACCOUNTABLE:
      ((CgTask *) cg_session_lookup_task (self, a))->charter_accountable = v;
      cg_session_emit (self, CG_CHANGE_TASK, a, 0);
      break;
    default: g_assert_not_reached ();
    }
}

/* String lists and moves ------------------------------------------------------ */

static char ***
strv_slot (CgSession   *self,
           CgStrvTarget target,
           guint        a)
{
  return target == CG_STRV_PROMPTS ? &self->lesson_prompts[a] : &self->role_suggestions;
}

static void
apply_strv (CgSession *self,
            CgOp      *op,
            gboolean   forward)
{
  char ***slot = strv_slot (self, op->target, op->a);

  g_strfreev (*slot);
  *slot = g_strdupv (forward ? op->new_strv : op->old_strv);
  if (op->target == CG_STRV_PROMPTS)
    cg_session_emit (self, CG_CHANGE_LESSON, op->a, 0);
  else
    cg_session_emit (self, CG_CHANGE_ROLE_SUGGESTIONS, 0, 0);
}

static GPtrArray *
move_list (CgSession   *self,
           CgMoveTarget target,
           guint        lesson)
{
  switch (target)
    {
    case CG_MOVE_PARTNER: return self->partners;
    case CG_MOVE_STATEMENT: return self->statements[lesson];
    case CG_MOVE_AIM: return self->aims;
    case CG_MOVE_TASK: return self->tasks;
    default: g_assert_not_reached ();
    }
}

static void
apply_move (CgSession *self,
            CgOp      *op,
            gboolean   forward)
{
  GPtrArray *list = move_list (self, op->target, op->a);
  guint from = forward ? op->position : op->to;
  guint to = forward ? op->to : op->position;
  gpointer moved = list->pdata[from];

  /* Shift the elements between, so no free function runs. */
  if (from < to)
    memmove (&list->pdata[from], &list->pdata[from + 1], (to - from) * sizeof (gpointer));
  else
    memmove (&list->pdata[to + 1], &list->pdata[to], (from - to) * sizeof (gpointer));
  list->pdata[to] = moved;

  if (op->target == CG_MOVE_PARTNER)
    cg_session_emit (self, CG_CHANGE_PARTNERS_MOVED, from, to);
  else if (op->target == CG_MOVE_TASK)
    cg_session_emit (self, CG_CHANGE_TASKS_MOVED, ((CgTask *) moved)->id, to);
  else
    cg_session_emit (self, CG_CHANGE_ITEMS_MOVED, ((CgItem *) moved)->id, to);
}

/* Entities ------------------------------------------------------------------- */

static void
entity_insert (CgSession *self,
               CgOp      *op)
{
  guint id;

  g_assert (op->owned);
  if (op->kind == OP_PARTNER)
    {
      g_ptr_array_insert (self->partners, op->position, op->data);
      id = ((CgPartnerData *) op->data)->pub.id;
      op->owned = FALSE;
      cg_session_emit (self, CG_CHANGE_PARTNER_ADDED, id, op->position);
    }
  else if (op->kind == OP_ITEM)
    {
      CgItem *item = op->data;

      g_hash_table_insert (self->items_by_id, GUINT_TO_POINTER (item->id), item);
      g_ptr_array_insert (cg_session_item_list (self, item), op->position, item);
      op->owned = FALSE;
      cg_session_emit (self, CG_CHANGE_ITEM_ADDED, item->id, op->position);
    }
  else
    {
      g_ptr_array_insert (self->tasks, op->position, op->data);
      op->owned = FALSE;
      cg_session_emit (self, CG_CHANGE_TASK_ADDED, ((CgTask *) op->data)->id, op->position);
    }
}

static void
entity_remove (CgSession *self,
               CgOp      *op)
{
  g_assert (!op->owned);
  if (op->kind == OP_PARTNER)
    {
      CgPartnerData *p = g_ptr_array_steal_index (self->partners, op->position);

      op->data = p;
      op->owned = TRUE;
      cg_session_emit (self, CG_CHANGE_PARTNER_REMOVED, p->pub.id, op->position);
    }
  else if (op->kind == OP_TASK)
    {
      CgTask *task = g_ptr_array_steal_index (self->tasks, op->position);

      op->data = task;
      op->owned = TRUE;
      cg_session_emit (self, CG_CHANGE_TASK_REMOVED, task->id, op->position);
    }
  else
    {
      /* op->data is set for undo/redo; a fresh removal knows only the id. */
      CgItem *item = op->data;

      if (item == NULL)
        item = g_hash_table_lookup (self->items_by_id, GUINT_TO_POINTER (op->a));
      g_ptr_array_remove_index (cg_session_item_list (self, item), op->position);
      g_hash_table_steal (self->items_by_id, GUINT_TO_POINTER (item->id));
      op->data = item;
      op->owned = TRUE;
      cg_session_emit (self, CG_CHANGE_ITEM_REMOVED, item->id, op->position);
    }
}

static void
apply_entity (CgSession *self,
              CgOp      *op,
              gboolean   forward)
{
  if ((op->dir == CG_OP_INSERT) == forward)
    entity_insert (self, op);
  else
    entity_remove (self, op);
}

static void
op_apply (CgSession *self,
          CgOp      *op,
          gboolean   forward)
{
  switch (op->kind)
    {
    case OP_TEXT: apply_text (self, op, forward); break;
    case OP_INT:
      int_set (self, op->target, op->a, op->b, forward ? op->new_int : op->old_int);
      break;
    case OP_STRV: apply_strv (self, op, forward); break;
    case OP_MOVE: apply_move (self, op, forward); break;
    default: apply_entity (self, op, forward); break;
    }
}

/* History ---------------------------------------------------------------------- */

static void
push_command (CgSession *self,
              CgCommand *command)
{
  if (self->redo_stack->len > 0)
    {
      /* The saved state was among the undone steps: it can't come back. */
      if (self->clean_depth > (int) self->undo_stack->len)
        self->clean_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
      self->fence_redo = 0;
    }
  command->time = g_get_monotonic_time ();
  g_ptr_array_add (self->undo_stack, command);
}

static gboolean
try_merge (CgSession *self,
           CgOp      *op)
{
  CgCommand *top;
  CgOp *last;

  if (op->kind != OP_TEXT || self->undo_stack->len == 0 || self->redo_stack->len > 0 ||
      self->clean_depth == (int) self->undo_stack->len ||
      (self->fenced && self->fence_undo == self->undo_stack->len))
    return FALSE;
  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (top->ops->len != 1 || g_get_monotonic_time () - top->time > MERGE_WINDOW_US)
    return FALSE;
  last = g_ptr_array_index (top->ops, 0);
  if (last->kind != OP_TEXT || last->target != op->target || last->a != op->a || last->b != op->b)
    return FALSE;
  g_free (last->new_text);
  last->new_text = g_steal_pointer (&op->new_text);
  top->time = g_get_monotonic_time ();
  op_free (op);
  return TRUE;
}

static void
record (CgSession *self,
        CgOp      *op)
{
  CgCommand *command;

  if (!self->recording)
    {
      op_free (op);
      return;
    }
  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->ops, op);
      return;
    }
  if (try_merge (self, op))
    return;
  command = command_new ();
  g_ptr_array_add (command->ops, op);
  push_command (self, command);
}

/* Applies @op, records it and tells listeners about the history's state. */
static void
do_op (CgSession *self,
       CgOp      *op)
{
  gboolean was_modified = cg_session_get_modified (self);
  gboolean could_undo = cg_session_can_undo (self);
  gboolean could_redo = cg_session_can_redo (self);

  op_apply (self, op, TRUE);
  record (self, op);
  if (self->group == NULL)
    cg_session_notify_state (self, was_modified, could_undo, could_redo);
}

void
cg_session_do_text (CgSession   *self,
                    CgTextTarget target,
                    guint        a,
                    guint        b,
                    const char  *text)
{
  char **slot = text_slot (self, target, a, b);
  g_autofree char *clean = NULL;
  CgOp *op;

  /* Only charter fields know "not written" (NULL); comments store "" as NULL. */
  if (text != NULL || target != CG_TEXT_CHARTER)
    clean = cg_text_clean (text);
  if (target == CG_TEXT_COMMENT && clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);
  if (g_strcmp0 (*slot, clean) == 0)
    return;

  op = g_new0 (CgOp, 1);
  op->kind = OP_TEXT;
  op->target = target;
  op->a = a;
  op->b = b;
  op->old_text = g_strdup (*slot);
  op->new_text = g_steal_pointer (&clean);
  do_op (self, op);
}

void
cg_session_do_int (CgSession  *self,
                   CgIntTarget target,
                   guint       a,
                   guint       b,
                   guint       value)
{
  guint old = int_get (self, target, a, b);
  CgOp *op;

  if (old == value)
    return;
  op = g_new0 (CgOp, 1);
  op->kind = OP_INT;
  op->target = target;
  op->a = a;
  op->b = b;
  op->old_int = old;
  op->new_int = value;
  do_op (self, op);
}

void
cg_session_do_strv (CgSession         *self,
                    CgStrvTarget       target,
                    guint              a,
                    const char *const *strv)
{
  char **current = *strv_slot (self, target, a);
  GPtrArray *clean = g_ptr_array_new ();
  CgOp *op;

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (clean, cg_text_clean (strv[i]));
  g_ptr_array_add (clean, NULL);
  if (g_strv_equal ((const char *const *) current, (const char *const *) clean->pdata))
    {
      g_strfreev ((char **) g_ptr_array_free (clean, FALSE));
      return;
    }
  op = g_new0 (CgOp, 1);
  op->kind = OP_STRV;
  op->target = target;
  op->a = a;
  op->old_strv = g_strdupv (current);
  op->new_strv = (char **) g_ptr_array_free (clean, FALSE);
  do_op (self, op);
}

void
cg_session_do_move (CgSession   *self,
                    CgMoveTarget target,
                    guint        lesson,
                    guint        from,
                    guint        to)
{
  CgOp *op = g_new0 (CgOp, 1);

  op->kind = OP_MOVE;
  op->target = target;
  op->a = lesson;
  op->position = from;
  op->to = to;
  do_op (self, op);
}

void
cg_session_do_insert (CgSession *self,
                      CgOp      *op)
{
  do_op (self, op);
}

void
cg_session_do_remove (CgSession *self,
                      CgOp      *op)
{
  do_op (self, op);
}

void
cg_session_apply_insert (CgSession *self,
                         CgOp      *op,
                         gboolean   free_op)
{
  op_apply (self, op, TRUE);
  if (free_op)
    op_free (op);
}

void
cg_session_clear_partner_answers (CgSession     *self,
                                  CgPartnerData *p)
{
  const struct
  {
    CgIntTarget target;
    GHashTable *table;
  } tables[] = {
    { CG_INT_RATING, p->ratings },
    { CG_INT_INVOLVEMENT, p->involvement },
    { CG_INT_BELIEVED, p->believed },
  };

  for (gsize t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree gpointer *keys =
        (gpointer *) g_hash_table_get_keys_as_array (tables[t].table, NULL);

      for (guint i = 0; keys[i] != NULL; i++)
        cg_session_do_int (self, tables[t].target, p->pub.id, GPOINTER_TO_UINT (keys[i]), 0);
    }
  for (guint l = 0; l < CG_N_LESSONS; l++)
    cg_session_do_text (self, CG_TEXT_COMMENT, p->pub.id, l, NULL);
}

/* Steps each stack holds that undo or redo may take (the fence keeps the
 * ones below it). */
static guint
undo_steps (CgSession *self)
{
  guint floor = self->fenced ? self->fence_undo : 0;

  return self->undo_stack->len > floor ? self->undo_stack->len - floor : 0;
}

static guint
redo_steps (CgSession *self)
{
  guint floor = self->fenced ? self->fence_redo : 0;

  return self->redo_stack->len > floor ? self->redo_stack->len - floor : 0;
}

gboolean
cg_session_can_undo (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return undo_steps (self) > 0 && self->group == NULL;
}

gboolean
cg_session_can_redo (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return redo_steps (self) > 0 && self->group == NULL;
}

void
cg_session_set_undo_fence (CgSession *self,
                           gboolean   fenced)
{
  gboolean was_modified, could_undo, could_redo;

  g_return_if_fail (CG_IS_SESSION (self));
  was_modified = cg_session_get_modified (self);
  could_undo = cg_session_can_undo (self);
  could_redo = cg_session_can_redo (self);
  self->fenced = fenced;
  self->fence_undo = self->undo_stack->len;
  self->fence_redo = self->redo_stack->len;
  /* Typing after the fence moves never extends a step from before. */
  if (self->undo_stack->len > 0)
    ((CgCommand *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->time = 0;
  cg_session_notify_state (self, was_modified, could_undo, could_redo);
}

gboolean
cg_session_get_undo_fence (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return self->fenced;
}

static gboolean
step (CgSession *self,
      GPtrArray *from,
      GPtrArray *to,
      gboolean   forward)
{
  gboolean was_modified = cg_session_get_modified (self);
  gboolean could_undo = cg_session_can_undo (self);
  gboolean could_redo = cg_session_can_redo (self);
  CgCommand *command;

  if ((forward ? redo_steps (self) : undo_steps (self)) == 0 || self->group != NULL)
    return FALSE;
  command = g_ptr_array_steal_index (from, from->len - 1);
  for (guint i = 0; i < command->ops->len; i++)
    {
      guint k = forward ? i : command->ops->len - 1 - i;

      op_apply (self, g_ptr_array_index (command->ops, k), forward);
    }
  /* An undone step is never extended by later typing. */
  command->time = 0;
  g_ptr_array_add (to, command);
  cg_session_notify_state (self, was_modified, could_undo, could_redo);
  return TRUE;
}

gboolean
cg_session_undo (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return step (self, self->undo_stack, self->redo_stack, FALSE);
}

gboolean
cg_session_redo (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return step (self, self->redo_stack, self->undo_stack, TRUE);
}

void
cg_session_begin_group (CgSession *self)
{
  g_return_if_fail (CG_IS_SESSION (self));

  if (self->group_depth++ == 0)
    self->group = command_new ();
}

void
cg_session_begin_labelled_group (CgSession  *self,
                                 const char *label)
{
  g_return_if_fail (CG_IS_SESSION (self));

  cg_session_begin_group (self);
  /* Only the outermost group names the step. */
  if (self->group_depth == 1 && self->group->label == NULL)
    self->group->label = g_strdup (label);
}

static const char *
top_label (GPtrArray *stack,
           guint      steps)
{
  if (steps == 0)
    return NULL;
  return ((CgCommand *) g_ptr_array_index (stack, stack->len - 1))->label;
}

const char *
cg_session_get_undo_label (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return top_label (self->undo_stack, undo_steps (self));
}

const char *
cg_session_get_redo_label (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return top_label (self->redo_stack, redo_steps (self));
}

void
cg_session_end_group (CgSession *self)
{
  gboolean was_modified, could_undo, could_redo;
  CgCommand *group;

  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  /* Measured as if the group were already open and empty: the notify
   * compares with the state before any of its edits. */
  was_modified = self->undo_stack->len != (guint) self->clean_depth || self->extra_dirty;
  could_undo = undo_steps (self) > 0;
  could_redo = redo_steps (self) > 0;
  if (group->ops->len == 0 || !self->recording)
    {
      cg_command_free (group);
      return;
    }
  push_command (self, group);
  /* Never merge typing into a group. */
  group->time = 0;
  cg_session_notify_state (self, was_modified, could_undo, could_redo);
}

void
cg_session_clear_history (CgSession *self)
{
  gboolean modified;

  g_return_if_fail (CG_IS_SESSION (self));
  modified = cg_session_get_modified (self);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->fence_undo = self->fence_redo = 0;
  self->clean_depth = modified ? -1 : 0;
}

gboolean
cg_session_get_modified (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return (int) self->undo_stack->len != self->clean_depth || self->extra_dirty;
}

void
cg_session_set_unmodified (CgSession *self)
{
  gboolean was_modified;

  g_return_if_fail (CG_IS_SESSION (self));
  was_modified = cg_session_get_modified (self);
  self->clean_depth = (int) self->undo_stack->len;
  self->extra_dirty = FALSE;
  /* Typing after a save starts a new undo step. */
  if (self->undo_stack->len > 0)
    ((CgCommand *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->time = 0;
  cg_session_notify_state (self, was_modified, cg_session_can_undo (self),
                           cg_session_can_redo (self));
}

void
cg_session_mark_modified (CgSession *self)
{
  gboolean was_modified;

  g_return_if_fail (CG_IS_SESSION (self));
  was_modified = cg_session_get_modified (self);
  self->extra_dirty = TRUE;
  cg_session_notify_state (self, was_modified, cg_session_can_undo (self),
                           cg_session_can_redo (self));
}
