/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-autosave"
#include "config.h"

#include "cg-autosave.h"
#include "cg-recovery.h"

struct _CgAutosave
{
  GObject parent_instance;

  /* Owned */
  CgSession *session;
  char *id;
  GCancellable *cancellable;
  guint timer;

  gulong changed_handler;
  gulong modified_handler;

  guint writing : 1; /* a write is in a worker thread */
  guint pending : 1; /* changed again since that write began */
  guint written : 1; /* a draft may exist on disk */
};

G_DEFINE_FINAL_TYPE (CgAutosave, cg_autosave, G_TYPE_OBJECT)

guint
cg_autosave_get_delay (void)
{
  const char *env = g_getenv ("CG_AUTOSAVE_DELAY");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 30, &seconds, NULL))
    return (guint) seconds;
  return CG_AUTOSAVE_DEFAULT_DELAY;
}

static void schedule (CgAutosave *self);

static void
write_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (CgAutosave) self = user_data;
  g_autoptr (GError) error = NULL;

  self->writing = FALSE;
  if (!cg_recovery_write_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Not fatal to the workshop: the next change tries again. */
    g_message ("Could not write the recovery draft: %s", error->message);
  if (self->pending)
    {
      self->pending = FALSE;
      schedule (self);
    }
}

static void
write_now (CgAutosave *self)
{
  if (self->session == NULL || !cg_session_get_modified (self->session))
    return;
  /* One write at a time per draft, so an older one never lands last. */
  if (self->writing)
    {
      self->pending = TRUE;
      return;
    }
  self->writing = TRUE;
  self->written = TRUE;
  cg_recovery_write_async (self->id, self->session, self->cancellable, write_done,
                           g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  CgAutosave *self = user_data;

  self->timer = 0;
  write_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (CgAutosave *self)
{
  if (self->timer != 0 || self->session == NULL || !cg_session_get_modified (self->session))
    return;
  self->timer = g_timeout_add (cg_autosave_get_delay () * 1000, timer_cb, self);
}

/* The write still in flight, if any, is cancelled before the files go: the
 * core makes writes and discards take turns, so it cannot bring them back. */
static void
drop_draft (CgAutosave *self)
{
  g_clear_handle_id (&self->timer, g_source_remove);
  self->pending = FALSE;
  if (!self->written)
    return;
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  cg_recovery_discard (self->id);
  self->written = FALSE;
}

static void
session_changed_cb (CgAutosave *self)
{
  schedule (self);
}

static void
session_modified_cb (CgAutosave *self)
{
  /* Saved, or undone back to what is on disk: nothing left to recover. */
  if (!cg_session_get_modified (self->session))
    drop_draft (self);
  else
    schedule (self);
}

static void
disconnect_session (CgAutosave *self)
{
  if (self->session == NULL)
    return;
  g_clear_signal_handler (&self->changed_handler, self->session);
  g_clear_signal_handler (&self->modified_handler, self->session);
  g_clear_object (&self->session);
}

void
cg_autosave_set_session (CgAutosave *self,
                         CgSession  *session,
                         const char *draft_id)
{
  g_return_if_fail (CG_IS_AUTOSAVE (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (session == self->session && g_strcmp0 (draft_id, self->id) == 0)
    return;
  drop_draft (self);
  if (session != self->session)
    {
      disconnect_session (self);
      if (session != NULL)
        {
          self->session = g_object_ref (session);
          self->changed_handler =
            g_signal_connect_swapped (session, "changed", G_CALLBACK (session_changed_cb), self);
          self->modified_handler = g_signal_connect_swapped (
            session, "notify::modified", G_CALLBACK (session_modified_cb), self);
        }
    }
  g_free (self->id);
  self->id = draft_id != NULL ? g_strdup (draft_id) : cg_recovery_new_id ();

  if (draft_id != NULL)
    {
      /* A restored draft: it is ours from now on, not a crash's leftover. */
      self->written = TRUE;
      write_now (self);
    }
  else
    schedule (self);
}

const char *
cg_autosave_get_draft_id (CgAutosave *self)
{
  g_return_val_if_fail (CG_IS_AUTOSAVE (self), NULL);

  return self->id;
}

void
cg_autosave_discard (CgAutosave *self)
{
  g_return_if_fail (CG_IS_AUTOSAVE (self));

  drop_draft (self);
  disconnect_session (self);
}

static void
cg_autosave_dispose (GObject *object)
{
  cg_autosave_discard (CG_AUTOSAVE (object));

  G_OBJECT_CLASS (cg_autosave_parent_class)->dispose (object);
}

static void
cg_autosave_finalize (GObject *object)
{
  CgAutosave *self = CG_AUTOSAVE (object);

  g_clear_object (&self->cancellable);
  g_free (self->id);

  G_OBJECT_CLASS (cg_autosave_parent_class)->finalize (object);
}

static void
cg_autosave_class_init (CgAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cg_autosave_dispose;
  object_class->finalize = cg_autosave_finalize;
}

static void
cg_autosave_init (CgAutosave *self)
{
  self->cancellable = g_cancellable_new ();
  self->id = cg_recovery_new_id ();
}

CgAutosave *
cg_autosave_new (void)
{
  return g_object_new (CG_TYPE_AUTOSAVE, NULL);
}
