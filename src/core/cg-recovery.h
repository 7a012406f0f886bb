/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-recovery.h: drafts of unsaved sessions, so that a crash, a kill or a
 * power cut loses at most the last few seconds of a workshop.
 *
 * Each open session has a draft id. Its draft is a session file plus a
 * small key file (what it is, where it came from, when it was written, and
 * which process owns it) in $XDG_DATA_HOME/common-ground/recovery. A clean
 * close or an explicit discard deletes both; whatever is left at the next
 * start, and whose owning process is gone, was left by a crash.
 */
#pragma once

#include <gio/gio.h>
#include "cg-session.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *draft_path;    /* the session file of the draft */
  char *original_uri;  /* the file the session belongs to, or NULL if never saved */
  char *original_etag; /* that file's etag as the session knew it, or NULL */
  char *title;         /* the session title when it was written ("" if none) */
  GDateTime *saved_at; /* local time the draft was written */
} CgRecoveryEntry;

void cg_recovery_entry_free (CgRecoveryEntry *entry);
CgRecoveryEntry *cg_recovery_entry_copy (const CgRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CgRecoveryEntry, cg_recovery_entry_free)

/* The folder drafts go to (created on demand). */
char *cg_recovery_get_dir (void);
/* A new draft id, unique on this machine. */
char *cg_recovery_new_id (void);

/* Writes the draft for @session under @id: temp file, fsync, rename (the
 * draft is ours alone, so g_file_set_contents_full() is the right tool). */
gboolean cg_recovery_write (const char *id, CgSession *session, GError **error);
/* The same with the write in a worker thread; the session is serialised
 * before this returns, so the caller may go on editing it. Writes and
 * discards take turns: cancel @cancellable before cg_recovery_discard() and
 * a write still in flight never brings the draft back. */
void cg_recovery_write_async (const char *id,
                              CgSession *session,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean cg_recovery_write_finish (GAsyncResult *result, GError **error);

/* Deletes the draft; no error if there is none. */
void cg_recovery_discard (const char *id);

/* Drafts left behind by processes that are no longer running, newest first. */
GPtrArray *cg_recovery_list (void);
/* Loads a draft. The session comes back modified, attached to its original
 * file (if any) so that Save writes there. */
CgSession *cg_recovery_load (const CgRecoveryEntry *entry, GError **error);
/* The same in a worker thread. */
void cg_recovery_load_async (const CgRecoveryEntry *entry,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
CgSession *cg_recovery_load_finish (GAsyncResult *result, GError **error);

G_END_DECLS
