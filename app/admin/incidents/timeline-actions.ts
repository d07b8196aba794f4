"use server";
// The internal timeline's forms on the incident page: note, link, take command, hand off, freeze and
// unfreeze deploys. Each goes through formAction (requireRole + the shared zod schema) into one
// use-case of lib/incident-timeline or lib/deploys; viewers see the timeline but cannot write.
import { db } from "@/lib/db/client";
import { formAction } from "@/lib/admin/form-action";
import { addLink, addNote, handOffCommand, takeCommand } from "@/lib/incident-timeline/command";
import { freezeDeploys, liftDeployFreeze } from "@/lib/deploys/freeze";
import { freezeDeploysSchema, liftDeployFreezeSchema } from "@/lib/validation/deploys";
import { addLinkSchema, addNoteSchema, handOffCommandSchema, takeCommandSchema } from "@/lib/validation/incident-timeline";

export const addNoteAction = formAction("commander", addNoteSchema, async (input, actor) => {
  await addNote(db(), actor, input, { now: new Date() });
  return { status: "ok", message: "Note added." };
});

export const addLinkAction = formAction("commander", addLinkSchema, async (input, actor) => {
  await addLink(db(), actor, input, { now: new Date() });
  return { status: "ok", message: "Link added." };
});

export const takeCommandAction = formAction("commander", takeCommandSchema, async (input, actor) => {
  const { commander } = await takeCommand(db(), actor, input, { now: new Date() });
  return { status: "ok", message: `${commander} now commands this incident.` };
});

export const handOffCommandAction = formAction("commander", handOffCommandSchema, async (input, actor) => {
  const { commander } = await handOffCommand(db(), actor, input, { now: new Date() });
  return { status: "ok", message: `Command handed to ${commander}.` };
});

export const freezeDeploysAction = formAction("commander", freezeDeploysSchema, async (input, actor) => {
  await freezeDeploys(db(), actor, input, { now: new Date() });
  return { status: "ok", message: `Deploys to ${input.environment} frozen.` };
});

export const liftDeployFreezeAction = formAction("commander", liftDeployFreezeSchema, async (input, actor) => {
  await liftDeployFreeze(db(), actor, input, { now: new Date() });
  return { status: "ok", message: `Deploys to ${input.environment} unfrozen.` };
});
