import { PROJECTS_SDL, projectsResolvers } from "../subgraphs/projects-subgraph";
import { serveSubgraph } from "../subgraphs/serve-subgraph";
import { USERS_SDL, usersResolvers } from "../subgraphs/users-subgraph";
import { announceReady } from "./child-process";

const publicKey = process.argv[2] ?? "";
const projects = await serveSubgraph({ sdl: PROJECTS_SDL, resolvers: projectsResolvers, publicKey });
const users = await serveSubgraph({ sdl: USERS_SDL, resolvers: usersResolvers, publicKey });
announceReady({ projectsUrl: projects.url, usersUrl: users.url });
