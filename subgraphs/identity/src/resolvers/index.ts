import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { AuditEvent } from "./AuditEvent";
import { Membership } from "./Membership";
import { acceptInvitationResolver } from "./Mutation/acceptInvitation";
import { approveMembershipResolver } from "./Mutation/approveMembership";
import { beginMfaEnrollmentResolver } from "./Mutation/beginMfaEnrollment";
import { changeMemberRoleResolver } from "./Mutation/changeMemberRole";
import { changeTenantPlanResolver } from "./Mutation/changeTenantPlan";
import { completeMfaLoginResolver } from "./Mutation/completeMfaLogin";
import { confirmMfaEnrollmentResolver } from "./Mutation/confirmMfaEnrollment";
import { connectSocialAccountResolver } from "./Mutation/connectSocialAccount";
import { createApiClientResolver } from "./Mutation/createApiClient";
import { createTeamResolver } from "./Mutation/createTeam";
import { declineInvitationResolver } from "./Mutation/declineInvitation";
import { deleteTeamResolver } from "./Mutation/deleteTeam";
import { disableMfaResolver } from "./Mutation/disableMfa";
import { disconnectSocialAccountResolver } from "./Mutation/disconnectSocialAccount";
import { inviteMemberResolver } from "./Mutation/inviteMember";
import { loginResolver } from "./Mutation/login";
import { loginWithIdTokenResolver } from "./Mutation/loginWithIdToken";
import { logoutResolver } from "./Mutation/logout";
import { markNotificationsReadResolver } from "./Mutation/markNotificationsRead";
import { publishPersistedOperationsResolver } from "./Mutation/publishPersistedOperations";
import { refreshSessionResolver } from "./Mutation/refreshSession";
import { rejectMembershipResolver } from "./Mutation/rejectMembership";
import { removeTeamMemberResolver } from "./Mutation/removeTeamMember";
import { requestEmailVerificationResolver } from "./Mutation/requestEmailVerification";
import { requestPasswordResetResolver } from "./Mutation/requestPasswordReset";
import { requestToJoinTenantResolver } from "./Mutation/requestToJoinTenant";
import { resetPasswordResolver } from "./Mutation/resetPassword";
import { retirePersistedOperationVersionResolver } from "./Mutation/retirePersistedOperationVersion";
import { revokeApiClientResolver } from "./Mutation/revokeApiClient";
import { revokeMembershipResolver } from "./Mutation/revokeMembership";
import { revokeSessionResolver } from "./Mutation/revokeSession";
import { rotateApiClientSecretResolver } from "./Mutation/rotateApiClientSecret";
import { setTeamMemberResolver } from "./Mutation/setTeamMember";
import { signUpResolver } from "./Mutation/signUp";
import { switchTenantResolver } from "./Mutation/switchTenant";
import { updateApiClientResolver } from "./Mutation/updateApiClient";
import { updateProfileResolver } from "./Mutation/updateProfile";
import { updateTeamResolver } from "./Mutation/updateTeam";
import { updateTenantResolver } from "./Mutation/updateTenant";
import { verifyEmailResolver } from "./Mutation/verifyEmail";
import { PersistedOperationVersion } from "./PersistedOperationVersion";
import { apiClientsResolver } from "./Query/apiClients";
import { auditEventsResolver } from "./Query/auditEvents";
import { currentTenantResolver } from "./Query/currentTenant";
import { healthResolver } from "./Query/health";
import { meResolver } from "./Query/me";
import { membershipsResolver } from "./Query/memberships";
import { myActivityResolver } from "./Query/myActivity";
import { myMembershipsResolver } from "./Query/myMemberships";
import { myNotificationsResolver } from "./Query/myNotifications";
import { mySessionsResolver } from "./Query/mySessions";
import { mySocialConnectionsResolver } from "./Query/mySocialConnections";
import { persistedOperationAppsResolver } from "./Query/persistedOperationApps";
import { persistedOperationUsageResolver } from "./Query/persistedOperationUsage";
import { persistedOperationVersionsResolver } from "./Query/persistedOperationVersions";
import { plansResolver } from "./Query/plans";
import { teamResolver } from "./Query/team";
import { teamsResolver } from "./Query/teams";
import { Session } from "./Session";
import { SocialConnection } from "./SocialConnection";
import { Team } from "./Team";
import { TeamMember } from "./TeamMember";
import { Tenant } from "./Tenant";
import { User } from "./User";

export const resolvers: Resolvers = {
  DateTime: scalarResolvers.DateTime,
  JSON: scalarResolvers.JSON,
  EmailAddress: scalarResolvers.EmailAddress,
  Query: {
    apiClients: apiClientsResolver,
    auditEvents: auditEventsResolver,
    currentTenant: currentTenantResolver,
    health: healthResolver,
    me: meResolver,
    memberships: membershipsResolver,
    myActivity: myActivityResolver,
    myMemberships: myMembershipsResolver,
    myNotifications: myNotificationsResolver,
    mySessions: mySessionsResolver,
    mySocialConnections: mySocialConnectionsResolver,
    persistedOperationApps: persistedOperationAppsResolver,
    persistedOperationUsage: persistedOperationUsageResolver,
    persistedOperationVersions: persistedOperationVersionsResolver,
    plans: plansResolver,
    team: teamResolver,
    teams: teamsResolver,
  },
  Mutation: {
    publishPersistedOperations: publishPersistedOperationsResolver,
    retirePersistedOperationVersion: retirePersistedOperationVersionResolver,
    acceptInvitation: acceptInvitationResolver,
    approveMembership: approveMembershipResolver,
    beginMfaEnrollment: beginMfaEnrollmentResolver,
    changeMemberRole: changeMemberRoleResolver,
    changeTenantPlan: changeTenantPlanResolver,
    completeMfaLogin: completeMfaLoginResolver,
    confirmMfaEnrollment: confirmMfaEnrollmentResolver,
    connectSocialAccount: connectSocialAccountResolver,
    createApiClient: createApiClientResolver,
    createTeam: createTeamResolver,
    declineInvitation: declineInvitationResolver,
    deleteTeam: deleteTeamResolver,
    disableMfa: disableMfaResolver,
    disconnectSocialAccount: disconnectSocialAccountResolver,
    inviteMember: inviteMemberResolver,
    login: loginResolver,
    loginWithIdToken: loginWithIdTokenResolver,
    logout: logoutResolver,
    markNotificationsRead: markNotificationsReadResolver,
    refreshSession: refreshSessionResolver,
    rejectMembership: rejectMembershipResolver,
    removeTeamMember: removeTeamMemberResolver,
    requestEmailVerification: requestEmailVerificationResolver,
    requestPasswordReset: requestPasswordResetResolver,
    requestToJoinTenant: requestToJoinTenantResolver,
    resetPassword: resetPasswordResolver,
    revokeApiClient: revokeApiClientResolver,
    revokeMembership: revokeMembershipResolver,
    revokeSession: revokeSessionResolver,
    rotateApiClientSecret: rotateApiClientSecretResolver,
    setTeamMember: setTeamMemberResolver,
    signUp: signUpResolver,
    switchTenant: switchTenantResolver,
    updateApiClient: updateApiClientResolver,
    updateProfile: updateProfileResolver,
    updateTeam: updateTeamResolver,
    updateTenant: updateTenantResolver,
    verifyEmail: verifyEmailResolver,
  },
  AuditEvent,
  Membership,
  PersistedOperationVersion,
  Session,
  SocialConnection,
  Team,
  TeamMember,
  Tenant,
  User,
};
