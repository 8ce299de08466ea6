// One conversation per client with their klantmanager. Callers import this module; the rules
// live in the files below, one per section (the helpers they share stay unexported here).
export { contextLink, type MessageView } from './message-view';
export {
	MESSAGE_MAX,
	sendFromClient,
	insertClientMessage,
	type SendError,
	type MessageContextInput
} from './client-send';
export { requireConversationAccess, setStandIn, colleagues, standInOf } from './access';
export {
	conversationOfUser,
	messagesAbout,
	messagesAboutAny,
	messagesAboutPlan,
	conversationForStaff,
	markReadByClient,
	markReadByStaff,
	unreadForClient
} from './reading';
export { reply, recordStaffAnswer, DECISIONS, type Decision, type ReplyError } from './reply';
export {
	openConversations,
	firstAnswerSeconds,
	planVersionsWaiting,
	openChangeRequests,
	type OpenConversation
} from './waiting';
