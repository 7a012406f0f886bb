/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session.c: the workshop session document and its undo history.
 *
 * Every edit is an invertible operation (see cg-session-ops.c): applying
 * it changes the document and emits CgSession::changed; the history keeps
 * the operations so undo applies their inverses in reverse order. A
 * removal is recorded as a group: first the removed thing's answers are
 * cleared one by one, then the bare entity goes; undo puts the entity back
 * and then its answers.
 */
#define G_LOG_DOMAIN "cg-session"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cg-session-internal.h"

G_DEFINE_FINAL_TYPE (CgSession, cg_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_FILE,
  PROP_CURRENT_STAGE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Okabe & Ito (2008) first, then Paul Tol's muted scheme: told apart with
 * the common colour-vision deficiencies, and none too pale for white paper. */
static const char *const palette[] = { "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00",
                                       "#56b4e9", "#332288", "#999933", "#882255", "#44aa99",
                                       "#117733", "#aa4499", NULL };

const char *const *
cg_session_get_palette (guint *n_colours)
{
  if (n_colours != NULL)
    *n_colours = G_N_ELEMENTS (palette) - 1;
  return palette;
}

static void
partner_free (CgPartnerData *p)
{
  g_free (p->pub.name);
  g_free (p->pub.organisation);
  g_free (p->pub.role);
  g_free (p->pub.colour);
  g_free (p->pub.group);
  g_hash_table_unref (p->ratings);
  g_hash_table_unref (p->involvement);
  g_hash_table_unref (p->believed);
  for (guint i = 0; i < CG_N_LESSONS; i++)
    g_free (p->comments[i]);
  g_free (p);
}

CgPartnerData *
cg_partner_data_new (guint       id,
                     const char *name,
                     const char *organisation,
                     const char *role,
                     const char *colour)
{
  CgPartnerData *p = g_new0 (CgPartnerData, 1);

  p->pub.id = id;
  p->pub.name = cg_text_clean (name);
  p->pub.organisation = cg_text_clean (organisation);
  p->pub.role = cg_text_clean (role);
  p->pub.colour = g_strdup (colour);
  p->pub.group = g_strdup ("");
  p->ratings = g_hash_table_new (NULL, NULL);
  p->involvement = g_hash_table_new (NULL, NULL);
  p->believed = g_hash_table_new (NULL, NULL);
  return p;
}

void
cg_partner_data_free (CgPartnerData *p)
{
  if (p != NULL)
    partner_free (p);
}

CgItem *
cg_item_new (guint       id,
             CgItemKind  kind,
             guint       lesson,
             const char *text,
             gboolean    agreed)
{
  CgItem *item = g_new0 (CgItem, 1);

  item->id = id;
  item->kind = kind;
  item->lesson = lesson;
  item->text = cg_text_clean (text);
  item->agreed = agreed;
  return item;
}

void
cg_item_free (CgItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_free (item);
}

CgTask *
cg_task_new (guint       id,
             const char *text,
             guint       charter_accountable)
{
  CgTask *task = g_new0 (CgTask, 1);

  task->id = id;
  task->text = cg_text_clean (text);
  task->charter_accountable = charter_accountable;
  return task;
}

void
cg_task_free (CgTask *task)
{
  if (task == NULL)
    return;
  g_free (task->text);
  g_free (task);
}

/* GObject ----------------------------------------------------------------- */

static void
cg_session_finalize (GObject *object)
{
  CgSession *self = CG_SESSION (object);

  for (guint i = 0; i < CG_N_DETAILS; i++)
    g_free (self->details[i]);
  for (guint i = 0; i < CG_N_CHARTER_FIELDS; i++)
    g_free (self->charter[i]);
  for (guint i = 0; i < CG_N_LESSONS; i++)
    {
      g_free (self->lesson_intro[i]);
      g_strfreev (self->lesson_prompts[i]);
      g_ptr_array_unref (self->statements[i]);
    }
  g_strfreev (self->role_suggestions);
  cg_baseline_free (self->baseline);
  g_ptr_array_unref (self->partners);
  g_ptr_array_unref (self->aims);
  g_ptr_array_unref (self->tasks);
  g_hash_table_unref (self->items_by_id);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);
  g_clear_pointer (&self->group, cg_command_free);
  g_clear_object (&self->file);
  g_free (self->etag);

  G_OBJECT_CLASS (cg_session_parent_class)->finalize (object);
}

static void
cg_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CgSession *self = CG_SESSION (object);

  switch (prop_id)
    {
    case PROP_MODIFIED: g_value_set_boolean (value, cg_session_get_modified (self)); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, cg_session_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, cg_session_can_redo (self)); break;
    case PROP_FILE: g_value_set_object (value, self->file); break;
    case PROP_CURRENT_STAGE: g_value_set_uint (value, self->current_stage); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_session_class_init (CgSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cg_session_finalize;
  object_class->get_property = cg_session_get_property;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A CgStage; notified when the facilitator moves (the room follows). */
  properties[PROP_CURRENT_STAGE] =
    g_param_spec_uint ("current-stage", NULL, NULL, 0, CG_N_STAGES - 1, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CgSession::changed:
   * @kind: a #CgChangeKind; its nick is the signal detail
   * @a: which entity (see #CgChangeKind)
   * @b: which entity or position (see #CgChangeKind)
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 3, CG_TYPE_CHANGE_KIND, G_TYPE_UINT, G_TYPE_UINT);
}

static void
cg_session_init (CgSession *self)
{
  for (guint i = 0; i < CG_N_DETAILS; i++)
    self->details[i] = g_strdup ("");
  for (guint i = 0; i < CG_N_LESSONS; i++)
    {
      self->lesson_intro[i] = g_strdup ("");
      self->lesson_prompts[i] = g_new0 (char *, 1);
      self->statements[i] = g_ptr_array_new ();
    }
  self->role_suggestions = g_new0 (char *, 1);
  self->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) partner_free);
  self->aims = g_ptr_array_new ();
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_task_free);
  /* Owns every item; the per-lesson and aim arrays only order them. */
  self->items_by_id = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cg_item_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) cg_command_free);
  self->next_id = 1;
  self->recording = TRUE;
  self->current_stage = CG_STAGE_SESSION;
}

CgSession *
cg_session_new (void)
{
  return g_object_new (CG_TYPE_SESSION, NULL);
}

/* Internal plumbing ---------------------------------------------------------- */

void
cg_session_emit (CgSession   *self,
                 CgChangeKind kind,
                 guint        a,
                 guint        b)
{
  if (!self->recording)
    return;
  g_signal_emit (self, signals[CHANGED],
                 g_quark_from_static_string (cg_change_kind_to_detail (kind)), kind, a, b);
}

void
cg_session_notify_state (CgSession *self,
                         gboolean   was_modified,
                         gboolean   could_undo,
                         gboolean   could_redo)
{
  if (!self->recording)
    return;
  if (was_modified != cg_session_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != cg_session_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != cg_session_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Answers are read and written partner by partner, in partner order (the
 * loader, the analysis, the grids), so the partner last found and the one
 * after it are tried before the whole list: with 200 partners the plain scan
 * was most of the time spent loading and analysing. The hint is only a
 * guess, checked against the id, so no edit has to maintain it. */
CgPartnerData *
cg_session_partner_data (CgSession *self,
                         guint      id)
{
  guint len = self->partners->len;

  for (guint k = 0; k < 2 && len > 0; k++)
    {
      guint i = (self->partner_hint + k) % len;
      CgPartnerData *p = g_ptr_array_index (self->partners, i);

      if (p->pub.id == id)
        {
          self->partner_hint = i;
          return p;
        }
    }
  for (guint i = 0; i < len; i++)
    {
      CgPartnerData *p = g_ptr_array_index (self->partners, i);

      if (p->pub.id == id)
        {
          self->partner_hint = i;
          return p;
        }
    }
  return NULL;
}

GPtrArray *
cg_session_item_list (CgSession    *self,
                      const CgItem *item)
{
  return item->kind == CG_ITEM_AIM ? self->aims : self->statements[item->lesson];
}

static const char *
next_colour (CgSession *self)
{
  guint n = G_N_ELEMENTS (palette) - 1;

  for (guint c = 0; c < n; c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < self->partners->len && !used; i++)
        {
          CgPartnerData *p = g_ptr_array_index (self->partners, i);

          used = g_ascii_strcasecmp (p->pub.colour, palette[c]) == 0;
        }
      if (!used)
        return palette[c];
    }
  return palette[self->partners->len % n];
}

/* Details and options -------------------------------------------------------- */

const char *
cg_session_get_detail (CgSession *self,
                       CgDetail   field)
{
  g_return_val_if_fail (CG_IS_SESSION (self), "");
  g_return_val_if_fail (field < CG_N_DETAILS, "");
  return self->details[field];
}

void
cg_session_set_detail (CgSession  *self,
                       CgDetail    field,
                       const char *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (field < CG_N_DETAILS);
  cg_session_do_text (self, CG_TEXT_DETAIL, field, 0, text);
}

gboolean
cg_session_get_answers_hidden (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return self->answers_hidden;
}

void
cg_session_set_answers_hidden (CgSession *self,
                               gboolean   hidden)
{
  g_return_if_fail (CG_IS_SESSION (self));
  cg_session_do_int (self, CG_INT_HIDDEN, 0, 0, hidden ? 1 : 0);
}

gboolean
cg_session_get_revealed (CgSession *self,
                         CgStage    stage)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (stage < CG_N_STAGES, FALSE);
  return self->revealed[stage];
}

void
cg_session_set_revealed (CgSession *self,
                         CgStage    stage,
                         gboolean   revealed)
{
  gboolean was_modified;

  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (stage < CG_N_STAGES);

  if (self->revealed[stage] == !!revealed)
    return;
  was_modified = cg_session_get_modified (self);
  self->revealed[stage] = !!revealed;
  /* Saved with the session but not an undo step: Ctrl+Z should not hide
   * what the room has already seen. */
  if (self->recording)
    self->extra_dirty = TRUE;
  cg_session_emit (self, CG_CHANGE_OPTIONS, stage, 0);
  cg_session_notify_state (self, was_modified, cg_session_can_undo (self),
                           cg_session_can_redo (self));
}

gboolean
cg_session_answers_visible (CgSession *self,
                            CgStage    stage)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (stage < CG_N_STAGES, FALSE);
  return !self->answers_hidden || self->revealed[stage];
}

CgStage
cg_session_get_current_stage (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), CG_STAGE_SESSION);
  return self->current_stage;
}

void
cg_session_set_current_stage (CgSession *self,
                              CgStage    stage)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (stage < CG_N_STAGES);

  /* Like a cursor position: saved, but neither an edit nor a change;
   * only the "current-stage" property tells (the room follows it). */
  if (self->current_stage == stage)
    return;
  self->current_stage = stage;
  if (self->recording)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STAGE]);
}

/* Partners ----------------------------------------------------------------------- */

guint
cg_session_get_n_partners (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  return self->partners->len;
}

const CgPartner *
cg_session_get_partner (CgSession *self,
                        guint      position)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->partners->len, NULL);
  return &((CgPartnerData *) g_ptr_array_index (self->partners, position))->pub;
}

const CgPartner *
cg_session_lookup_partner (CgSession *self,
                           guint      id)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  p = cg_session_partner_data (self, id);
  return p != NULL ? &p->pub : NULL;
}

int
cg_session_partner_position (CgSession *self,
                             guint      id)
{
  g_return_val_if_fail (CG_IS_SESSION (self), -1);

  for (guint i = 0; i < self->partners->len; i++)
    if (((CgPartnerData *) g_ptr_array_index (self->partners, i))->pub.id == id)
      return (int) i;
  return -1;
}

guint
cg_session_add_partner (CgSession  *self,
                        const char *name,
                        const char *organisation,
                        const char *role)
{
  CgPartnerData *p;
  guint id;

  g_return_val_if_fail (CG_IS_SESSION (self), 0);

  id = self->next_id++;
  p = cg_partner_data_new (id, name, organisation, role, next_colour (self));
  cg_session_do_insert (self, cg_op_new_partner (CG_OP_INSERT, p, self->partners->len));
  return id;
}

void
cg_session_set_partner_field (CgSession     *self,
                              guint          id,
                              CgPartnerField field,
                              const char    *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (field < CG_N_PARTNER_FIELDS);
  g_return_if_fail (cg_session_partner_data (self, id) != NULL);

  if (field == CG_PARTNER_COLOUR)
    {
      g_autofree char *clean = cg_text_clean (text);

      /* A colour is "#rrggbb": anything else would break drawing. */
      if (strlen (clean) != 7 || clean[0] != '#' ||
          strspn (clean + 1, "0123456789abcdefABCDEF") != 6)
        {
          g_critical ("Partner colour “%s” is not #rrggbb", clean);
          return;
        }
    }
  cg_session_do_text (self, CG_TEXT_PARTNER, id, field, text);
}

void
cg_session_remove_partner (CgSession *self,
                           guint      id)
{
  CgPartnerData *p;
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  pos = cg_session_partner_position (self, id);
  g_return_if_fail (pos >= 0);

  p = g_ptr_array_index (self->partners, pos);
  cg_session_begin_group (self);
  cg_session_clear_partner_answers (self, p);
  /* Nobody can believe a partner who left is Accountable. */
  for (guint i = 0; i < self->partners->len; i++)
    {
      CgPartnerData *other = g_ptr_array_index (self->partners, i);

      for (guint t = 0; t < self->tasks->len; t++)
        {
          CgTask *task = g_ptr_array_index (self->tasks, t);

          if (GPOINTER_TO_UINT (
                g_hash_table_lookup (other->believed, GUINT_TO_POINTER (task->id))) == id)
            cg_session_do_int (self, CG_INT_BELIEVED, other->pub.id, task->id, 0);
        }
    }
  for (guint t = 0; t < self->tasks->len; t++)
    {
      CgTask *task = g_ptr_array_index (self->tasks, t);

      if (task->charter_accountable == id)
        cg_session_do_int (self, CG_INT_CHARTER_ACCOUNTABLE, task->id, 0, 0);
    }
  cg_session_do_remove (self, cg_op_new_partner (CG_OP_REMOVE, NULL, (guint) pos));
  cg_session_end_group (self);
}

void
cg_session_move_partner (CgSession *self,
                         guint      id,
                         guint      new_position)
{
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  pos = cg_session_partner_position (self, id);
  g_return_if_fail (pos >= 0);
  g_return_if_fail (new_position < self->partners->len);

  if ((guint) pos != new_position)
    cg_session_do_move (self, CG_MOVE_PARTNER, 0, (guint) pos, new_position);
}

/* Lessons ------------------------------------------------------------------------ */

const char *
cg_session_get_lesson_intro (CgSession *self,
                             guint      lesson)
{
  g_return_val_if_fail (CG_IS_SESSION (self), "");
  g_return_val_if_fail (lesson < CG_N_LESSONS, "");
  return self->lesson_intro[lesson];
}

void
cg_session_set_lesson_intro (CgSession  *self,
                             guint       lesson,
                             const char *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (lesson < CG_N_LESSONS);
  cg_session_do_text (self, CG_TEXT_INTRO, lesson, 0, text);
}

const char *const *
cg_session_get_lesson_prompts (CgSession *self,
                               guint      lesson)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);
  return (const char *const *) self->lesson_prompts[lesson];
}

void
cg_session_set_lesson_prompts (CgSession         *self,
                               guint              lesson,
                               const char *const *prompts)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (lesson < CG_N_LESSONS);
  cg_session_do_strv (self, CG_STRV_PROMPTS, lesson, prompts);
}

/* Items ------------------------------------------------------------------------- */

guint
cg_session_get_n_statements (CgSession *self,
                             guint      lesson)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  g_return_val_if_fail (lesson < CG_N_LESSONS, 0);
  return self->statements[lesson]->len;
}

const CgItem *
cg_session_get_statement (CgSession *self,
                          guint      lesson,
                          guint      position)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (lesson < CG_N_LESSONS, NULL);
  g_return_val_if_fail (position < self->statements[lesson]->len, NULL);
  return g_ptr_array_index (self->statements[lesson], position);
}

static guint
add_item (CgSession  *self,
          CgItemKind  kind,
          guint       lesson,
          const char *text)
{
  CgItem *item = cg_item_new (self->next_id++, kind, lesson, text, FALSE);
  GPtrArray *list = cg_session_item_list (self, item);

  cg_session_do_insert (self, cg_op_new_item (CG_OP_INSERT, item, list->len));
  return item->id;
}

guint
cg_session_add_statement (CgSession  *self,
                          guint       lesson,
                          const char *text)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  g_return_val_if_fail (lesson < CG_N_LESSONS, 0);
  return add_item (self, CG_ITEM_STATEMENT, lesson, text);
}

guint
cg_session_get_n_aims (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  return self->aims->len;
}

const CgItem *
cg_session_get_aim (CgSession *self,
                    guint      position)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->aims->len, NULL);
  return g_ptr_array_index (self->aims, position);
}

guint
cg_session_add_aim (CgSession  *self,
                    const char *text)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  return add_item (self, CG_ITEM_AIM, 0, text);
}

const CgItem *
cg_session_lookup_item (CgSession *self,
                        guint      id)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return g_hash_table_lookup (self->items_by_id, GUINT_TO_POINTER (id));
}

int
cg_session_item_position (CgSession *self,
                          guint      id)
{
  const CgItem *item;
  guint pos;

  g_return_val_if_fail (CG_IS_SESSION (self), -1);
  item = cg_session_lookup_item (self, id);
  if (item == NULL || !g_ptr_array_find (cg_session_item_list (self, item), item, &pos))
    return -1;
  return (int) pos;
}

void
cg_session_set_item_text (CgSession  *self,
                          guint       id,
                          const char *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (cg_session_lookup_item (self, id) != NULL);
  cg_session_do_text (self, CG_TEXT_ITEM, id, 0, text);
}

void
cg_session_set_aim_agreed (CgSession *self,
                           guint      id,
                           gboolean   agreed)
{
  const CgItem *item;

  g_return_if_fail (CG_IS_SESSION (self));
  item = cg_session_lookup_item (self, id);
  g_return_if_fail (item != NULL && item->kind == CG_ITEM_AIM);
  cg_session_do_int (self, CG_INT_AGREED, id, 0, agreed ? 1 : 0);
}

void
cg_session_remove_item (CgSession *self,
                        guint      id)
{
  const CgItem *item;
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  item = cg_session_lookup_item (self, id);
  g_return_if_fail (item != NULL);

  pos = cg_session_item_position (self, id);
  cg_session_begin_group (self);
  for (guint i = 0; i < self->partners->len; i++)
    {
      CgPartnerData *p = g_ptr_array_index (self->partners, i);

      if (g_hash_table_contains (p->ratings, GUINT_TO_POINTER (id)))
        cg_session_do_int (self, CG_INT_RATING, p->pub.id, id, CG_RATING_NONE);
    }
  cg_session_do_remove (self, cg_op_new_item (CG_OP_REMOVE, (CgItem *) item, (guint) pos));
  cg_session_end_group (self);
}

void
cg_session_move_item (CgSession *self,
                      guint      id,
                      guint      new_position)
{
  const CgItem *item;
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  item = cg_session_lookup_item (self, id);
  g_return_if_fail (item != NULL);
  g_return_if_fail (new_position < cg_session_item_list (self, item)->len);

  pos = cg_session_item_position (self, id);
  if ((guint) pos != new_position)
    cg_session_do_move (self, item->kind == CG_ITEM_AIM ? CG_MOVE_AIM : CG_MOVE_STATEMENT,
                        item->lesson, (guint) pos, new_position);
}

/* Tasks -------------------------------------------------------------------------- */

guint
cg_session_get_n_tasks (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  return self->tasks->len;
}

const CgTask *
cg_session_get_task (CgSession *self,
                     guint      position)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->tasks->len, NULL);
  return g_ptr_array_index (self->tasks, position);
}

const CgTask *
cg_session_lookup_task (CgSession *self,
                        guint      id)
{
  int pos;

  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  pos = cg_session_task_position (self, id);
  return pos >= 0 ? g_ptr_array_index (self->tasks, pos) : NULL;
}

int
cg_session_task_position (CgSession *self,
                          guint      id)
{
  g_return_val_if_fail (CG_IS_SESSION (self), -1);

  for (guint i = 0; i < self->tasks->len; i++)
    if (((CgTask *) g_ptr_array_index (self->tasks, i))->id == id)
      return (int) i;
  return -1;
}

guint
cg_session_add_task (CgSession  *self,
                     const char *text)
{
  CgTask *task;

  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  task = cg_task_new (self->next_id++, text, 0);
  cg_session_do_insert (self, cg_op_new_task (CG_OP_INSERT, task, self->tasks->len));
  return task->id;
}

void
cg_session_set_task_text (CgSession  *self,
                          guint       id,
                          const char *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (cg_session_lookup_task (self, id) != NULL);
  cg_session_do_text (self, CG_TEXT_TASK, id, 0, text);
}

void
cg_session_remove_task (CgSession *self,
                        guint      id)
{
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  pos = cg_session_task_position (self, id);
  g_return_if_fail (pos >= 0);

  cg_session_begin_group (self);
  for (guint i = 0; i < self->partners->len; i++)
    {
      CgPartnerData *p = g_ptr_array_index (self->partners, i);

      if (g_hash_table_contains (p->involvement, GUINT_TO_POINTER (id)))
        cg_session_do_int (self, CG_INT_INVOLVEMENT, p->pub.id, id, CG_INVOLVEMENT_UNSET);
      if (g_hash_table_contains (p->believed, GUINT_TO_POINTER (id)))
        cg_session_do_int (self, CG_INT_BELIEVED, p->pub.id, id, 0);
    }
  cg_session_do_int (self, CG_INT_CHARTER_ACCOUNTABLE, id, 0, 0);
  cg_session_do_remove (self, cg_op_new_task (CG_OP_REMOVE, NULL, (guint) pos));
  cg_session_end_group (self);
}

void
cg_session_move_task (CgSession *self,
                      guint      id,
                      guint      new_position)
{
  int pos;

  g_return_if_fail (CG_IS_SESSION (self));
  pos = cg_session_task_position (self, id);
  g_return_if_fail (pos >= 0);
  g_return_if_fail (new_position < self->tasks->len);

  if ((guint) pos != new_position)
    cg_session_do_move (self, CG_MOVE_TASK, 0, (guint) pos, new_position);
}

void
cg_session_set_task_charter_accountable (CgSession *self,
                                         guint      task_id,
                                         guint      partner_id)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (cg_session_lookup_task (self, task_id) != NULL);
  g_return_if_fail (partner_id == 0 || cg_session_partner_data (self, partner_id) != NULL);
  cg_session_do_int (self, CG_INT_CHARTER_ACCOUNTABLE, task_id, 0, partner_id);
}

/* Answers -------------------------------------------------------------------------- */

CgRating
cg_session_get_rating (CgSession *self,
                       guint      partner_id,
                       guint      item_id)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), CG_RATING_NONE);
  p = cg_session_partner_data (self, partner_id);
  if (p == NULL)
    return CG_RATING_NONE;
  return (CgRating) GPOINTER_TO_UINT (g_hash_table_lookup (p->ratings, GUINT_TO_POINTER (item_id)));
}

void
cg_session_set_rating (CgSession *self,
                       guint      partner_id,
                       guint      item_id,
                       CgRating   rating)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (rating <= CG_RATING_DONT_KNOW);
  g_return_if_fail (cg_session_partner_data (self, partner_id) != NULL);
  g_return_if_fail (cg_session_lookup_item (self, item_id) != NULL);
  cg_session_do_int (self, CG_INT_RATING, partner_id, item_id, rating);
}

const char *
cg_session_get_comment (CgSession *self,
                        guint      partner_id,
                        guint      lesson)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), "");
  g_return_val_if_fail (lesson < CG_N_LESSONS, "");
  p = cg_session_partner_data (self, partner_id);
  if (p == NULL || p->comments[lesson] == NULL)
    return "";
  return p->comments[lesson];
}

void
cg_session_set_comment (CgSession  *self,
                        guint       partner_id,
                        guint       lesson,
                        const char *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (lesson < CG_N_LESSONS);
  g_return_if_fail (cg_session_partner_data (self, partner_id) != NULL);
  cg_session_do_text (self, CG_TEXT_COMMENT, partner_id, lesson, text);
}

CgInvolvement
cg_session_get_involvement (CgSession *self,
                            guint      partner_id,
                            guint      task_id)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), CG_INVOLVEMENT_UNSET);
  p = cg_session_partner_data (self, partner_id);
  if (p == NULL)
    return CG_INVOLVEMENT_UNSET;
  return (CgInvolvement) GPOINTER_TO_UINT (
    g_hash_table_lookup (p->involvement, GUINT_TO_POINTER (task_id)));
}

void
cg_session_set_involvement (CgSession    *self,
                            guint         partner_id,
                            guint         task_id,
                            CgInvolvement inv)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (inv <= CG_INVOLVEMENT_INFORMED);
  g_return_if_fail (cg_session_partner_data (self, partner_id) != NULL);
  g_return_if_fail (cg_session_lookup_task (self, task_id) != NULL);
  cg_session_do_int (self, CG_INT_INVOLVEMENT, partner_id, task_id, inv);
}

guint
cg_session_get_believed_accountable (CgSession *self,
                                     guint      partner_id,
                                     guint      task_id)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  p = cg_session_partner_data (self, partner_id);
  if (p == NULL)
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (p->believed, GUINT_TO_POINTER (task_id)));
}

void
cg_session_set_believed_accountable (CgSession *self,
                                     guint      partner_id,
                                     guint      task_id,
                                     guint      accountable_id)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (cg_session_partner_data (self, partner_id) != NULL);
  g_return_if_fail (cg_session_lookup_task (self, task_id) != NULL);
  g_return_if_fail (accountable_id == 0 || cg_session_partner_data (self, accountable_id) != NULL);
  cg_session_do_int (self, CG_INT_BELIEVED, partner_id, task_id, accountable_id);
}

static void
count_ratings (CgSession *self,
               GPtrArray *items,
               guint     *answered,
               guint     *total)
{
  for (guint i = 0; i < self->partners->len; i++)
    {
      CgPartnerData *p = g_ptr_array_index (self->partners, i);

      for (guint j = 0; j < items->len; j++)
        {
          CgItem *item = g_ptr_array_index (items, j);

          *total += 1;
          if (g_hash_table_contains (p->ratings, GUINT_TO_POINTER (item->id)))
            *answered += 1;
        }
    }
}

void
cg_session_count_answers (CgSession *self,
                          CgStage    stage,
                          guint     *answered,
                          guint     *total)
{
  guint a = 0, t = 0;

  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (stage < CG_N_STAGES);

  if (CG_STAGE_IS_LESSON (stage))
    count_ratings (self, self->statements[CG_LESSON_FOR_STAGE (stage)], &a, &t);
  else if (stage == CG_STAGE_AIMS)
    count_ratings (self, self->aims, &a, &t);
  else if (stage == CG_STAGE_ROLES)
    {
      for (guint i = 0; i < self->partners->len; i++)
        {
          CgPartnerData *p = g_ptr_array_index (self->partners, i);

          t += self->tasks->len;
          a += g_hash_table_size (p->involvement);
        }
    }
  else if (stage == CG_STAGE_SESSION)
    {
      /* Title, date and facilitator make a session ready to run. */
      t = 3;
      a = (self->details[CG_DETAIL_TITLE][0] != '\0') + (self->details[CG_DETAIL_DATE][0] != '\0') +
          (self->details[CG_DETAIL_FACILITATOR][0] != '\0');
    }
  else if (stage == CG_STAGE_PARTNERS)
    {
      /* A partnership needs at least two partners. */
      a = self->partners->len;
      t = MAX (2, self->partners->len);
    }
  if (answered != NULL)
    *answered = a;
  if (total != NULL)
    *total = t;
}

/* A partner has answered a stage once it gave one answer there: a rating
 * (don't know included) or a comment on a lesson, a rating of an aim, its
 * own involvement or a believed Accountable on a task. */
static gboolean
partner_answered_stage (CgSession     *self,
                        CgPartnerData *p,
                        CgStage        stage)
{
  GPtrArray *items = NULL;

  if (CG_STAGE_IS_LESSON (stage))
    {
      if (p->comments[CG_LESSON_FOR_STAGE (stage)] != NULL)
        return TRUE;
      items = self->statements[CG_LESSON_FOR_STAGE (stage)];
    }
  else if (stage == CG_STAGE_AIMS)
    items = self->aims;
  else if (stage == CG_STAGE_ROLES)
    {
      for (guint t = 0; t < self->tasks->len; t++)
        {
          gpointer key = GUINT_TO_POINTER (((CgTask *) g_ptr_array_index (self->tasks, t))->id);

          if (g_hash_table_contains (p->involvement, key) ||
              g_hash_table_contains (p->believed, key))
            return TRUE;
        }
      return FALSE;
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CgItem *item = g_ptr_array_index (items, i);

      if (g_hash_table_contains (p->ratings, GUINT_TO_POINTER (item->id)))
        return TRUE;
    }
  return FALSE;
}

guint
cg_session_count_answered_partners (CgSession  *self,
                                    const char *stage_id)
{
  CgStage stage;
  guint n = 0;

  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  g_return_val_if_fail (stage_id != NULL, 0);

  if (!cg_stage_from_string (stage_id, &stage))
    return 0;
  for (guint i = 0; i < self->partners->len; i++)
    n += partner_answered_stage (self, g_ptr_array_index (self->partners, i), stage);
  return n;
}

/* Charter and suggestions ------------------------------------------------------- */

const char *
cg_session_get_charter_field (CgSession     *self,
                              CgCharterField field)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  g_return_val_if_fail (field < CG_N_CHARTER_FIELDS, NULL);
  return self->charter[field];
}

void
cg_session_set_charter_field (CgSession     *self,
                              CgCharterField field,
                              const char    *text)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (field < CG_N_CHARTER_FIELDS);
  cg_session_do_text (self, CG_TEXT_CHARTER, field, 0, text);
}

const char *const *
cg_session_get_role_suggestions (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return (const char *const *) self->role_suggestions;
}

void
cg_session_set_role_suggestions (CgSession         *self,
                                 const char *const *roles)
{
  g_return_if_fail (CG_IS_SESSION (self));
  cg_session_do_strv (self, CG_STRV_ROLES, 0, roles);
}

/* File ---------------------------------------------------------------------------- */

GFile *
cg_session_get_file (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return self->file;
}

void
cg_session_set_file (CgSession *self,
                     GFile     *file)
{
  g_return_if_fail (CG_IS_SESSION (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

const char *
cg_session_get_etag (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return self->etag;
}

void
cg_session_set_etag (CgSession  *self,
                     const char *etag)
{
  g_return_if_fail (CG_IS_SESSION (self));

  if (g_strcmp0 (self->etag, etag) != 0)
    {
      g_free (self->etag);
      self->etag = g_strdup (etag);
    }
}

/* Rounds ---------------------------------------------------------------------------- */

const CgBaseline *
cg_session_get_baseline (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  return self->baseline;
}

void
cg_session_set_baseline (CgSession        *self,
                         const CgBaseline *baseline)
{
  gboolean was_modified;

  g_return_if_fail (CG_IS_SESSION (self));

  if (cg_baseline_equal (self->baseline, baseline))
    return;
  was_modified = cg_session_get_modified (self);
  cg_baseline_free (self->baseline);
  self->baseline = cg_baseline_copy (baseline);
  /* Saved, but no undo step: it records where the session came from. No
   * view shows it live, so no change signal either. */
  if (self->recording)
    self->extra_dirty = TRUE;
  cg_session_notify_state (self, was_modified, cg_session_can_undo (self),
                           cg_session_can_redo (self));
}

/* Loaders ------------------------------------------------------------------------- */

void
cg_session_set_recording (CgSession *self,
                          gboolean   recording)
{
  g_return_if_fail (CG_IS_SESSION (self));
  self->recording = !!recording;
}

guint
cg_session_get_next_id (CgSession *self)
{
  g_return_val_if_fail (CG_IS_SESSION (self), 0);
  return self->next_id;
}

void
cg_session_bump_next_id (CgSession *self,
                         guint      next_id)
{
  g_return_if_fail (CG_IS_SESSION (self));
  self->next_id = MAX (self->next_id, next_id);
}

gboolean
cg_session_id_in_use (CgSession *self,
                      guint      id)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return cg_session_partner_data (self, id) != NULL || cg_session_lookup_item (self, id) != NULL ||
         cg_session_task_position (self, id) >= 0;
}

static gboolean
claim_id (CgSession *self,
          guint      id)
{
  if (id == 0 || id == G_MAXUINT || cg_session_id_in_use (self, id))
    return FALSE;
  self->next_id = MAX (self->next_id, id + 1);
  return TRUE;
}

gboolean
cg_session_insert_partner (CgSession  *self,
                           guint       id,
                           const char *name,
                           const char *organisation,
                           const char *role,
                           const char *colour)
{
  CgPartnerData *p;

  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  if (!claim_id (self, id))
    return FALSE;
  p = cg_partner_data_new (id, name, organisation, role,
                           colour != NULL ? colour : next_colour (self));
  cg_session_apply_insert (self, cg_op_new_partner (CG_OP_INSERT, p, self->partners->len), TRUE);
  return TRUE;
}

static gboolean
insert_item (CgSession  *self,
             guint       id,
             CgItemKind  kind,
             guint       lesson,
             const char *text,
             gboolean    agreed)
{
  CgItem *item;

  if (!claim_id (self, id))
    return FALSE;
  item = cg_item_new (id, kind, lesson, text, agreed);
  cg_session_apply_insert (
    self, cg_op_new_item (CG_OP_INSERT, item, cg_session_item_list (self, item)->len), TRUE);
  return TRUE;
}

gboolean
cg_session_insert_statement (CgSession  *self,
                             guint       id,
                             guint       lesson,
                             const char *text)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  g_return_val_if_fail (lesson < CG_N_LESSONS, FALSE);
  return insert_item (self, id, CG_ITEM_STATEMENT, lesson, text, FALSE);
}

gboolean
cg_session_insert_aim (CgSession  *self,
                       guint       id,
                       const char *text,
                       gboolean    agreed)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  return insert_item (self, id, CG_ITEM_AIM, 0, text, agreed);
}

gboolean
cg_session_insert_task (CgSession  *self,
                        guint       id,
                        const char *text)
{
  g_return_val_if_fail (CG_IS_SESSION (self), FALSE);
  if (!claim_id (self, id))
    return FALSE;
  cg_session_apply_insert (
    self, cg_op_new_task (CG_OP_INSERT, cg_task_new (id, text, 0), self->tasks->len), TRUE);
  return TRUE;
}

void
cg_session_emit_all_changed (CgSession *self)
{
  g_return_if_fail (CG_IS_SESSION (self));
  cg_session_emit (self, CG_CHANGE_ALL, 0, 0);
}

char **
cg_session_dup_group_suggestions (CgSession *self)
{
  static const char *const usual[] = {
    N_("Health"),    N_("Social care"),      N_("Housing"),
    N_("Education"), N_("Voluntary sector"), N_("Service user"),
  };
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  g_return_val_if_fail (CG_IS_SESSION (self), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    {
      g_strv_builder_add (out, _(usual[i]));
      g_hash_table_add (seen, g_utf8_casefold (_(usual[i]), -1));
    }
  for (guint i = 0; i < self->partners->len; i++)
    {
      const CgPartner *p = g_ptr_array_index (self->partners, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (p->group));

      if (*trimmed != '\0' && g_hash_table_add (seen, g_utf8_casefold (trimmed, -1)))
        g_strv_builder_add (out, trimmed);
    }
  return g_strv_builder_end (out);
}
